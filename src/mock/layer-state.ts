import { UsageError, isJsonObject } from '../core/index.js';
import type { StatefulLayer } from './stateful-layer.js';

/**
 * Replaces every layer's state with its members of a snapshot (as `GET /__mock/state` gives it):
 * every layer checks its part before any commits, so a snapshot one of them refuses, or one with a
 * member no layer holds, throws a UsageError and changes nothing.
 */
export function importState(layers: readonly StatefulLayer[], value: unknown): void {
  if (!isJsonObject(value)) throw new UsageError('the body is not a state snapshot: send a JSON object, as GET /__mock/state gives it');
  const known = new Set(layers.flatMap((layer) => layer.stateMembers));
  const unknown = Object.keys(value).filter((member) => !known.has(member));
  if (unknown.length > 0) {
    throw new UsageError(`the snapshot has members this mock does not hold: ${unknown.join(', ')} (it holds ${[...known].join(', ')})`);
  }
  const commits = layers.map((layer) => layer.prepareImport(value));
  for (const commit of commits) commit();
}

/** Every layer's state side by side (the Apps layer's `version`/`apps`/`runs`, the resources' `resources`). */
export function exportState(layers: readonly StatefulLayer[], options?: { secrets?: boolean }): object {
  return Object.assign({}, ...layers.map((layer) => layer.exportState(options)));
}
