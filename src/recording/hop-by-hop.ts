import type { HeaderMap } from '../core/index.js';

/** Connection-specific fields a proxy must not forward (RFC 9110 §7.6.1), plus ones it recomputes. */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

/** Drops hop-by-hop fields, including any the `Connection` header names. */
export function stripHopByHop(headers: HeaderMap, alsoDrop: readonly string[] = []): HeaderMap {
  const listed = (headers.connection ?? '').split(',').map((name) => name.trim().toLowerCase());
  const drop = new Set([...HOP_BY_HOP, ...listed, ...alsoDrop]);
  const kept: HeaderMap = {};
  for (const [name, value] of Object.entries(headers)) if (!drop.has(name)) kept[name] = value;
  return kept;
}
