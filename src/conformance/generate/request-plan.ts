import type { RequestKind } from '../findings/exchange.js';

/** A path parameter: an index into the id pool (resolved when sending, `fallback` when the pool is empty), or a generated value. */
export type PathValue = { pool: number; fallback: unknown } | { value: unknown };

/**
 * A request body: a value to serialise (as JSON, or with `form` as `application/x-www-form-urlencoded`),
 * or raw text (e.g. deliberately malformed JSON).
 */
export type PlannedBody = { mediaType: string; value: unknown; form?: true } | { mediaType: string; raw: string };

/** A generated request before ids, variables and credentials are filled in: what fast-check shrinks. */
export interface RequestPlan {
  kind: RequestKind;
  path: Record<string, PathValue>;
  query: Record<string, unknown>;
  headers: Record<string, unknown>;
  body?: PlannedBody;
}
