import type { HeaderMap } from '../core/index.js';

/** Where the parameters of one request come from. */
export interface ParameterSource {
  /** Path values by template variable. */
  path: Readonly<Record<string, string>>;
  /** Query values by decoded name, in order. */
  query: ReadonlyMap<string, readonly string[]>;
  headers: HeaderMap;
  /** Cookie values as sent. */
  cookies: ReadonlyMap<string, readonly string[]>;
  /**
   * True when path and query values are still percent-encoded: delimiters are then split before
   * decoding, so an escaped `%2C` stays inside its item (RFC 6570 §3.2.1).
   */
  encoded: boolean;
}

/** Adds `value` to the list kept under `key`. */
export function appendValue<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const NO_VALUES: ReadonlyMap<string, readonly string[]> = new Map();

/** Query values by decoded name from a raw query string, the values left percent-encoded. */
export function rawQueryValues(rawQuery: string): ReadonlyMap<string, readonly string[]> {
  if (rawQuery === '') return NO_VALUES;
  const values = new Map<string, string[]>();
  for (const pair of rawQuery.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const name = decodeQuery(eq < 0 ? pair : pair.slice(0, eq));
    const value = eq < 0 ? '' : pair.slice(eq + 1);
    appendValue(values, name, value);
  }
  return values;
}

/** Query values by name from already-decoded search parameters. */
export function searchParamValues(query: URLSearchParams): ReadonlyMap<string, readonly string[]> {
  if (query.size === 0) return NO_VALUES;
  const values = new Map<string, string[]>();
  for (const [name, value] of query) {
    appendValue(values, name, value);
  }
  return values;
}

/** A query component: `+` is a space (WHATWG form encoding), then percent-decoding; malformed text stays as sent. */
export function decodeQuery(text: string): string {
  const spaced = text.includes('+') ? text.replace(/\+/g, ' ') : text;
  return spaced.includes('%') ? safeDecode(spaced) : spaced;
}

/** A path segment or cookie value: percent-decoding only; malformed text stays as sent. */
export function decodePath(text: string): string {
  return text.includes('%') ? safeDecode(text) : text;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
