/**
 * Subset matching of a received JSON value against a hand-written expectation.
 *
 * Objects match on the listed keys only; arrays match element-wise and by length; scalars match by
 * equality. A string starting with `~` is a marker (see MARKERS); `~~text` is the literal `~text`.
 */

/** One mismatch, located by a JSON pointer into the received value. */
export interface Mismatch {
  pointer: string;
  message: string;
}

const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const HOUR_START = /^\d{4}-\d{2}-\d{2}T\d{2}:00:00(\.0+)?(Z|[+-]00:00)$/;
const ID_SUFFIX = /^[0-9a-f]{32}$/;

/** Marker name → predicate on the present value (`~absent` and `~nullish` are handled by the caller). */
const MARKERS: Record<string, (value: unknown, argument: string) => string | undefined> = {
  any: () => undefined,
  string: (value) => (typeof value === 'string' ? undefined : `expected a string, got ${show(value)}`),
  nonblank: (value) => (typeof value === 'string' && value.trim() !== '' ? undefined : `expected a non-blank string, got ${show(value)}`),
  iso: (value) => (typeof value === 'string' && ISO_TIMESTAMP.test(value) && !Number.isNaN(Date.parse(value)) ? undefined : `expected an RFC 3339 timestamp, got ${show(value)}`),
  hour: (value) => (typeof value === 'string' && HOUR_START.test(value) ? undefined : `expected the start of a UTC hour, got ${show(value)}`),
  id: (value, prefix) =>
    typeof value === 'string' && value.startsWith(`${prefix}_`) && ID_SUFFIX.test(value.slice(prefix.length + 1))
      ? undefined
      : `expected a ${prefix}_ id with 32 lowercase hex digits, got ${show(value)}`,
  contains: (value, text) => (typeof value === 'string' && value.includes(text) ? undefined : `expected a string containing ${show(text)}, got ${show(value)}`),
  match: (value, source) => (typeof value === 'string' && new RegExp(source, 'i').test(value) ? undefined : `expected a string matching /${source}/i, got ${show(value)}`),
  ne: (value, other) => (value !== other ? undefined : `expected a value other than ${show(other)}`),
  after: (value, other) =>
    typeof value === 'string' && Date.parse(value) > Date.parse(other) ? undefined : `expected a timestamp later than ${show(other)}, got ${show(value)}`,
  length: (value, count) => (Array.isArray(value) && value.length === Number(count) ? undefined : `expected an array of ${count} items, got ${show(value)}`),
};

/** True for a string the matcher reads as a marker (so callers can tell markers from literals). */
export function isMarker(expected: unknown): expected is string {
  return typeof expected === 'string' && expected.startsWith('~') && !expected.startsWith('~~');
}

/** Compares `received` with `expected`, returning every mismatch (an empty list means a match). */
export function matchSubset(received: unknown, expected: unknown, pointer = ''): Mismatch[] {
  if (isMarker(expected)) {
    const [name, ...rest] = expected.slice(1).split(':');
    const argument = rest.join(':');
    if (name === 'absent') return received === undefined ? [] : [{ pointer, message: `expected no value, got ${show(received)}` }];
    if (name === 'nullish') return received == null ? [] : [{ pointer, message: `expected null or no value, got ${show(received)}` }];
    if (received === undefined) return [{ pointer, message: `expected ${expected}, but the value is missing` }];
    const check = MARKERS[name!];
    if (!check) throw new Error(`unknown marker ${expected} at ${pointer || '/'}`);
    const message = check(received, argument);
    return message ? [{ pointer, message }] : [];
  }
  if (typeof expected === 'string' && expected.startsWith('~~')) expected = expected.slice(1);
  if (Array.isArray(expected)) {
    if (!Array.isArray(received)) return [{ pointer, message: `expected an array, got ${show(received)}` }];
    const found: Mismatch[] = [];
    if (received.length !== expected.length) found.push({ pointer, message: `expected ${expected.length} items, got ${received.length}` });
    expected.forEach((item, index) => found.push(...matchSubset(received[index], item, `${pointer}/${index}`)));
    return found;
  }
  if (expected !== null && typeof expected === 'object') {
    if (received === null || typeof received !== 'object' || Array.isArray(received)) {
      return [{ pointer, message: `expected an object, got ${show(received)}` }];
    }
    return Object.entries(expected).flatMap(([key, value]) =>
      matchSubset((received as Record<string, unknown>)[key], value, `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`),
    );
  }
  return Object.is(received, expected) ? [] : [{ pointer, message: `expected ${show(expected)}, got ${show(received)}` }];
}

function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value);
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}
