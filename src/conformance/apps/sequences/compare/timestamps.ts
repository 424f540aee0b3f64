import type { JudgeState, SeenTimes } from '../judge-state.js';
import type { AppsMismatch } from '../checks.js';
import { isJsonObject, type JsonObject } from '../../../../core/index.js';
import { instant } from './json.js';

/**
 * Holds the target's own timestamps against what it said before: `created_at` never changes,
 * `updated_at` never moves backwards nor before `created_at`. Equal instants pass, because two
 * writes inside one clock tick are legitimate.
 */
export function observeAppTimes(state: JudgeState, app: JsonObject, where: string): AppsMismatch[] {
  const out = observe(state.appTimes, app, where, 'app');
  const channels = Array.isArray(app['channels']) ? app['channels'].filter(isJsonObject) : [];
  for (const channel of channels) out.push(...observe(state.channelTimes, channel, where, 'channel'));
  return out;
}

/** The same rules for a channel body on its own (addChannel, updateChannel). */
export function observeChannelTimes(state: JudgeState, channel: JsonObject, where: string): AppsMismatch[] {
  return observe(state.channelTimes, channel, where, 'channel');
}

function observe(seen: Map<string, SeenTimes>, body: JsonObject, where: string, kind: string): AppsMismatch[] {
  const id = body['id'];
  const created = instant(body['created_at']);
  const updated = instant(body['updated_at']);
  if (typeof id !== 'string' || created === undefined || updated === undefined) return [];
  const out: AppsMismatch[] = [];
  const mismatch = (title: string, expected: string, received: string, key: string) =>
    out.push({ check: 'timestamps_monotonic', title: `${where}: ${title}`, expected, received, key: `${kind}:${key}` });
  if (updated < created)
    mismatch(
      `${kind} ${id} was updated before it was created`,
      `updated_at ≥ ${String(body['created_at'])}`,
      String(body['updated_at']),
      'updated-before-created',
    );
  const before = seen.get(id);
  if (before && created !== before.created) {
    mismatch(
      `created_at of ${kind} ${id} changed`,
      new Date(before.created).toISOString(),
      String(body['created_at']),
      'created-at-changed',
    );
  }
  if (before && updated < before.updated) {
    mismatch(
      `updated_at of ${kind} ${id} moved backwards`,
      `≥ ${new Date(before.updated).toISOString()}`,
      String(body['updated_at']),
      'updated-at-backwards',
    );
  }
  seen.set(id, { created: before?.created ?? created, updated: Math.max(before?.updated ?? updated, updated) });
  return out;
}
