import { createHash } from 'node:crypto';
import type { RequestFacts } from '../core/index.js';
import { canonicalJson, isJsonMediaType } from '../core/index.js';
import { tryParseJson } from './try-parse-json.js';

/**
 * What counts when two requests are compared. Matching ignores every header unless named here;
 * this is deliberately separate from redaction, which decides what is never stored.
 */
export interface RequestKeyOptions {
  /** Header names (any case) whose values take part in matching. */
  matchHeaders?: readonly string[];
  /** A precomputed body digest, used for recordings whose stored body was truncated. */
  bodyDigest?: string;
}

/** The normalised form of a request that the key hashes. */
export interface NormalisedRequest {
  method: string;
  path: string;
  query: Array<[string, string]>;
  headers: Array<[string, string]>;
  body: string;
}

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

const UNRESERVED = /[A-Za-z0-9\-._~]/;

/**
 * Normalises a path the way RFC 3986 §6.2.2 allows: dot segments removed, percent-encoded
 * unreserved characters decoded and the remaining escapes upper-cased, so `/a/%7Eb` = `/a/~b`.
 */
export function normalisePath(path: string): string {
  // Concatenation, not a base URL: `//x` must stay a path, never become a host.
  const safe = (path.startsWith('/') ? path : `/${path}`).replace(/[?#]/g, encodeURIComponent);
  const resolved = new URL(`http://key.invalid${safe}`).pathname;
  return resolved.replace(/%([0-9A-Fa-f]{2})/g, (_, hex: string) => {
    const char = String.fromCharCode(parseInt(hex, 16));
    return UNRESERVED.test(char) ? char : `%${hex.toUpperCase()}`;
  });
}

/** Decodes a raw query string into name/value pairs sorted by name, then value. */
export function normaliseQuery(query: string): Array<[string, string]> {
  const pairs = [...new URLSearchParams(query)] as Array<[string, string]>;
  return pairs.sort((a, b) => compare(a[0], b[0]) || compare(a[1], b[1]));
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Digest of a body for matching: JSON structurally (sorted keys), anything else by its bytes. */
export function bodyDigest(body: Buffer | undefined, contentType: string | undefined): string {
  if (body === undefined || body.length === 0) return '';
  const maybeJson = contentType === undefined || isJsonMediaType(contentType);
  const parsed = maybeJson ? tryParseJson(body) : undefined;
  return parsed ? `json:${sha256(canonicalJson(parsed.value))}` : `bytes:${sha256(body)}`;
}

/** Reduces a request to the parts that matter for matching. */
export function normaliseRequest(facts: RequestFacts, options: RequestKeyOptions = {}): NormalisedRequest {
  const headers: Array<[string, string]> = [];
  for (const name of new Set((options.matchHeaders ?? []).map((h) => h.toLowerCase()))) {
    headers.push([name, facts.headers[name] ?? '']);
  }
  headers.sort((a, b) => compare(a[0], b[0]));
  return {
    method: facts.method.toUpperCase(),
    path: normalisePath(facts.path),
    query: normaliseQuery(facts.query),
    headers,
    body: options.bodyDigest ?? bodyDigest(facts.body, facts.headers['content-type']),
  };
}

/** The matching key of a request: sha256 hex of its normalised form. */
export function requestKey(facts: RequestFacts, options: RequestKeyOptions = {}): string {
  return sha256(JSON.stringify(normaliseRequest(facts, options)));
}
