import type { ProblemDetails, RequestFacts } from '../../../core/index.js';
import { appsRouteOf, toAppsRequest, type AppsRequest } from '../../../model/apps/index.js';
import { toProblemErrors, type SpecValidator } from '../../../validation/index.js';
import { decodeRequest, type Routed } from '../../stateful/index.js';

/** The request as the Apps model sees it, or the problem a spec-driven server answers before the model does. */
export type AppsInput = { ok: true; request: AppsRequest } | { ok: false; problem: ProblemDetails };

/**
 * Decodes and validates the request as the mock's pipeline does first, then converts it as the
 * mock's Apps layer does, so the oracle ranks a broken body or a schema error where the contract does.
 */
export function toAppsInput(validator: SpecValidator, routed: Routed, facts: RequestFacts): AppsInput {
  const input = decodeRequest(validator, routed, facts);
  if (!input.ok) return input;
  const route = appsRouteOf(routed.operation);
  if (!route) throw new Error(`stateful: ${routed.operation.method} ${routed.operation.path} is no Apps route`);
  return {
    ok: true,
    request: toAppsRequest(route, {
      path: facts.path,
      pathParams: input.pathParams,
      query: input.query,
      headers: input.headers,
      body: input.decoded,
      rawBody: input.rawBody,
      violations: toProblemErrors(input.violations),
    }),
  };
}
