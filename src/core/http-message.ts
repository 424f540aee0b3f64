/** The facts of one HTTP exchange, independent of any server or client library. */

/** Header names are lower-case; repeated headers are joined with `, ` (RFC 9110 §5.3). */
export type HeaderMap = Record<string, string>;

export interface RequestFacts {
  method: string;
  /** Path without the query string, still percent-encoded. */
  path: string;
  /** Raw query string without `?`, or `''`. */
  query: string;
  headers: HeaderMap;
  body?: Buffer;
}

export interface ResponseFacts {
  status: number;
  headers: HeaderMap;
  body: Buffer;
}

// RFC 9110 §9.2.1: methods that change nothing on the server (TRACE is safe too, and never sent).
const SAFE_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS']);

/** True for a method that changes nothing on the server, the only ones a read-only run sends. */
export function isSafeMethod(method: string): boolean {
  return SAFE_METHODS.has(method.toUpperCase());
}

/** Lower-cases names and joins repeated values, from Node's raw header pairs or an object. */
export function normaliseHeaders(headers: Record<string, string | string[] | number | undefined> | string[]): HeaderMap {
  const result: HeaderMap = {};
  const add = (name: string, value: string) => {
    const key = name.toLowerCase();
    result[key] = key in result ? `${result[key]}, ${value}` : value;
  };
  if (Array.isArray(headers)) {
    for (let i = 0; i + 1 < headers.length; i += 2) add(headers[i]!, headers[i + 1]!);
    return result;
  }
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const item of value) add(name, item);
    else add(name, String(value));
  }
  return result;
}
