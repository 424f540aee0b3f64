import { jsonEqual } from '../../../../core/index.js';

/** Deep JSON equality, ignoring key order; `undefined` and `null` are the same "no value" (§3: omitted or null). */
export function sameJson(a: unknown, b: unknown): boolean {
  return jsonEqual(a ?? null, b ?? null);
}

/** Milliseconds since the epoch of an RFC 3339 string, or undefined when it is not one. */
export function instant(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}
