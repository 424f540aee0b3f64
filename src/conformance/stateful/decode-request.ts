import type { ProblemDetails, RequestFacts } from '../../core/index.js';
import { decodeBody, validateRequest, type SpecValidator, type Violation } from '../../validation/index.js';
import type { Routed } from './route.js';

/** A request as a spec-driven server has it after decoding and validation, or the problem such a server answers first. */
export type DecodedRequest =
  | {
      ok: true;
      pathParams: Record<string, string>;
      query: URLSearchParams;
      /** Lower-case names. */
      headers: Record<string, string>;
      /** The body as decoded by its declared media type (JSON, a form, text or bytes); undefined when none was sent. */
      decoded: unknown;
      /** The body as validated (a form's fields typed by its schema). */
      validated: unknown;
      rawBody: Buffer | undefined;
      violations: Violation[];
    }
  | { ok: false; problem: ProblemDetails };

/**
 * Decodes and validates a request by the rules the mock's pipeline applies before any stateful
 * layer (the same body decoding and strict JSON parsing, the same validator), so an oracle sees the
 * request as the server's model does and ranks a broken body or a schema error where it would.
 */
export function decodeRequest(validator: SpecValidator, routed: Routed, facts: RequestFacts): DecodedRequest {
  const { operation, pathParams } = routed;
  if (routed.problem) return { ok: false, problem: routed.problem };
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(facts.headers)) headers[name.toLowerCase()] = value;
  const rawBody = facts.body && facts.body.length > 0 ? facts.body : undefined;
  const decoded = decodeBody(operation, headers['content-type'], rawBody, facts.path);
  if (!decoded.ok) return decoded;
  const query = new URLSearchParams(facts.query);
  const validation = validateRequest(validator, operation, { pathParams, query, headers, body: decoded.body });
  return {
    ok: true,
    pathParams,
    query,
    headers,
    decoded: decoded.body?.value,
    validated: validation.body,
    rawBody,
    violations: validation.violations,
  };
}
