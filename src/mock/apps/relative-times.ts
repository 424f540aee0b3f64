import { UsageError } from '../../core/index.js';

/**
 * A snapshot that says `"relative_to": "<instant>"` holds times relative to that instant: each
 * `…_at` member of its records is moved by (now − relative_to) as it is loaded, so a shipped demo
 * state (fixtures/demo.json) looks as recent on any day as on the day it was recorded. A snapshot
 * without the member is loaded as it is; the member itself is dropped.
 */
export function resolveRelativeTimes(value: unknown, what: string, now: number = Date.now()): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || !('relative_to' in value)) return value;
  const { relative_to: anchor, ...rest } = value as Record<string, unknown>;
  const at = typeof anchor === 'string' ? Date.parse(anchor) : NaN;
  if (Number.isNaN(at)) throw new UsageError(`${what}: relative_to must be an RFC 3339 instant, got ${JSON.stringify(anchor)}`);
  return shift(rest, now - at);
}

function shift(value: unknown, byMs: number): unknown {
  if (Array.isArray(value)) return value.map((item) => shift(item, byMs));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, member] of Object.entries(value)) {
    const time = key.endsWith('_at') && typeof member === 'string' ? Date.parse(member) : NaN;
    // Configs are the client's data (a channel's own `*_at` settings); only the records' times move.
    out[key] = key === 'channel_config' ? member : Number.isNaN(time) ? shift(member, byMs) : new Date(time + byMs).toISOString();
  }
  return out;
}
