import { isJsonObject, isSecretName } from '../../core/index.js';
import type { ChannelType } from './records.js';
import type { AppsSnapshot } from './types.js';

/** The config keys that hold a secret, per channel type (§3: secrets are write-only). */
export const SECRET_CONFIG_KEYS: Readonly<Partial<Record<ChannelType, readonly string[]>>> = {
  webhook: ['token'],
  slack: ['signing_secret', 'bot_token'],
};


/**
 * A copy of a channel config fit for a response: each secret is replaced by `<key>_configured: true`
 * so a client learns that it is set but never what it is.
 */
export function redactConfig(type: ChannelType, config: Record<string, unknown>): Record<string, unknown> {
  return redactObject(config, SECRET_CONFIG_KEYS[type] ?? []);
}

/** A snapshot fit to be shown (`GET /__mock/state`): every channel config redacted as in responses. */
export function redactSnapshot(snapshot: AppsSnapshot): AppsSnapshot {
  return {
    ...snapshot,
    apps: snapshot.apps.map((app) => ({
      ...app,
      channels: app.channels.map((channel) => ({ ...channel, channel_config: redactConfig(channel.channel_type, channel.channel_config) })),
    })),
  };
}

function redactObject(source: Record<string, unknown>, named: readonly string[]): Record<string, unknown> {
  const keys = Object.keys(source);
  const secrets = new Set(keys.filter((key) => named.includes(key) || (typeof source[key] === 'string' && isSecretKey(key))));
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    if (secrets.has(key)) define(out, `${key}_configured`, true);
    // A client-sent `<secret>_configured` must not contradict the computed flag.
    else if (key.endsWith('_configured') && secrets.has(key.slice(0, -'_configured'.length))) continue;
    else define(out, key, redactValue(source[key]));
  }
  return out;
}

// defineProperty rather than assignment, so a key named "__proto__" stays plain data.
function define(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function redactValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactValue);
  if (isJsonObject(value)) return redactObject(value, []);
  return value;
}

// Beyond the named keys, any string under a credential-looking key is treated as a secret too:
// a client that sends `client_secret` to an a2a channel must not see it echoed either.
function isSecretKey(key: string): boolean {
  return isSecretName(key) && !key.endsWith('_configured');
}
