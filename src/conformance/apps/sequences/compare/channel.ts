import { SECRET_CONFIG_KEYS, type ChannelType } from '../../../../model/apps/index.js';
import { show } from '../../../stateful/index.js';
import type { AppsMismatch } from '../checks.js';
import { isJsonObject, type JsonObject } from '../../../../core/index.js';
import { sameJson } from './json.js';

/** What an updateChannel request changed, so a field it did not name that moved is a partial_update. */
export interface ChannelPatch {
  configKeys: ReadonlySet<string>;
  enabled: boolean;
}

/** Compares a channel body with the oracle's: type, enabled, every config key it shows, and no secret. */
export function compareChannel(expected: JsonObject, received: unknown, where: string, patch?: ChannelPatch): AppsMismatch[] {
  const id = String(expected['id']);
  if (!isJsonObject(received)) {
    return [
      {
        check: 'read_your_writes',
        title: `${where}: channel ${id} is missing`,
        expected: 'a channel object',
        received: show(received),
        key: 'channel:missing',
      },
    ];
  }
  const out: AppsMismatch[] = [];
  if (received['channel_type'] !== expected['channel_type']) {
    out.push({
      check: 'read_your_writes',
      title: `${where}: channel ${id} has another type`,
      expected: show(expected['channel_type']),
      received: show(received['channel_type']),
      key: 'channel:channel_type',
    });
  }
  if (received['enabled'] !== expected['enabled']) {
    out.push({
      check: patch && !patch.enabled ? 'partial_update' : 'read_your_writes',
      title: `${where}: channel ${id} enabled is not what was written`,
      expected: show(expected['enabled']),
      received: show(received['enabled']),
      key: 'channel:enabled',
    });
  }
  const want = isJsonObject(expected['channel_config']) ? expected['channel_config'] : {};
  const got = received['channel_config'];
  if (!isJsonObject(got)) {
    out.push({
      check: 'read_your_writes',
      title: `${where}: channel ${id} has no channel_config`,
      expected: show(want),
      received: show(got),
      key: 'channel:config',
    });
    return out;
  }
  // A live platform may add keys of its own; every key the contract fixes must read back.
  for (const [key, value] of Object.entries(want)) {
    if (sameJson(value, got[key])) continue;
    out.push({
      check: patch && !patch.configKeys.has(key) ? 'partial_update' : 'read_your_writes',
      title: `${where}: channel_config.${key} of ${id} is not what was written`,
      expected: show(value),
      received: show(got[key]),
      key: `channel_config:${key}`,
    });
  }
  const secretKeys = SECRET_CONFIG_KEYS[expected['channel_type'] as ChannelType] ?? [];
  for (const key of new Set([...secretKeys, 'token'])) {
    if (typeof got[key] === 'string') {
      out.push({
        check: 'read_your_writes',
        title: `${where}: channel ${id} returns its secret ${key}`,
        expected: `no ${key} (write-only)`,
        received: `${key} present`,
        key: `secret:${key}`,
      });
    }
  }
  return out;
}
