import type { ProblemDetails, RequestFacts } from '../../../core/index.js';
import { appsRouteOf, toAppsRequest, type AppsRequest } from '../../../model/apps/index.js';
import { decodeBody, toProblemErrors, validateRequest, type SpecValidator } from '../../../validation/index.js';
import type { Routed } from '../../stateful/index.js';

/** The request as the Apps model sees it, or the problem a spec-driven server answers before the model does. */
export type AppsInput = { ok: true; request: AppsRequest } | { ok: false; problem: ProblemDetails };

/**
 * Decodes and validates the request by the rules the mock's pipeline applies first (the same body
 * decoding and strict JSON parsing, the same validator), then converts it as the mock's Apps layer
 * does, so the oracle ranks a broken body or a schema error where the contract does.
 */
export function toAppsInput(validator: SpecValidator, routed: Routed, facts: RequestFacts): AppsInput {
  const { operation, pathParams } = routed;
  if (routed.problem) return { ok: false, problem: routed.problem };
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(facts.headers)) headers[name.toLowerCase()] = value;
  const rawBody = facts.body && facts.body.length > 0 ? facts.body : undefined;
  const decoded = decodeBody(operation, headers['content-type'], rawBody, facts.path);
  if (!decoded.ok) return decoded;
  const query = new URLSearchParams(facts.query);
  const validation = validateRequest(validator, operation, { pathParams, query, headers, body: decoded.body });
  const route = appsRouteOf(operation);
  if (!route) throw new Error(`stateful: ${operation.method} ${operation.path} is no Apps route`);
  return {
    ok: true,
    request: toAppsRequest(route, {
      path: facts.path,
      pathParams,
      query,
      headers,
      body: decoded.body?.value,
      rawBody,
      violations: toProblemErrors(validation.violations),
    }),
  };
}
