import type { StatefulLayer } from '../mock/index.js';
import type { LoadedSpec } from '../openapi/index.js';
import { chooseLayer, layerName, type LayerChoice, type LayerOptions } from './mock-layer.js';
import { resolveSpec } from './resolve-spec.js';

/** What a reload under `watch` did: the document now served and what became of the state, or why the old one stays. */
export type ReloadEvent =
  { ok: true; spec: LoadedSpec; layer: string; state: 'kept' | 'dropped' | 'none'; detail?: string } | { ok: false; error: Error };

/** A changed document and the layer choice for it, or why it cannot be served. */
export type Prepared = { ok: true; spec: LoadedSpec; choice: LayerChoice } | { ok: false; error: Error };

/** Loads the changed document; the same layer kind keeps its choice (and its state file, open). */
export async function prepare(path: string, current: LayerChoice, options: LayerOptions): Promise<Prepared> {
  try {
    const spec = await resolveSpec(path);
    if (layerName(spec, options) === current.name) return { ok: true, spec, choice: current };
    // The initial state was for the first start; a reload carries over what the mock holds now.
    return { ok: true, spec, choice: await chooseLayer(spec, { ...options, state: undefined }) };
  } catch (error) {
    return { ok: false, error: error as Error };
  }
}

/** The layer that serves the reloaded document, and what became of the state. */
export type Adopted = { layer: StatefulLayer | undefined; state: 'kept' | 'dropped' | 'none'; detail?: string };

/**
 * The layer for the reloaded document: the same one when it still applies (its state untouched);
 * else a new one, which takes the old state if it can and otherwise starts empty.
 */
export function adopt(current: LayerChoice, next: LayerChoice, layer: StatefulLayer | undefined, url: string): Adopted {
  if (next === current) return { layer, state: layer ? 'kept' : 'none' };
  const built = next.build?.(url);
  if (!layer) return { layer: built, state: 'none' };
  if (!built) return { layer: built, state: 'dropped', detail: `the ${current.name} state has no place in a stateless mock` };
  try {
    built.importState(layer.exportState({ secrets: true }));
    return { layer: built, state: 'kept' };
  } catch (error) {
    return { layer: built, state: 'dropped', detail: (error as Error).message };
  }
}
