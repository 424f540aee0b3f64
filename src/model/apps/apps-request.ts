import type { ProblemError } from '../../core/index.js';
import type { DeclaredResponses } from '../../openapi/index.js';
import type { AppsRoute, RoutedOperation } from './routes.js';
import type { AppsRequest } from './types.js';

/**
 * A request after the engine's steps (routing, percent-decoding, body decoding by the declared
 * media types, schema validation), as the mock's pipeline and the runner's oracle both hand it over.
 */
export interface DecodedRequest {
  path: string;
  /** The origin the client reached, links are built on (the oracle leaves it to the model's base). */
  origin?: string | undefined;
  /** By the document's parameter names. */
  pathParams: Record<string, string>;
  query: URLSearchParams;
  /** Lower-case names. */
  headers: Record<string, string>;
  /** The decoded body: a JSON value, a form object, text, or the raw bytes of other media types. */
  body: unknown;
  rawBody: Buffer | undefined;
  violations: ProblemError[];
}

/**
 * The one conversion of a decoded request to an Apps route into what the Apps model reads: the
 * route's name, path parameters under the model's names, first query values, no bytes as a body,
 * and the statuses the document declares for the route.
 */
export function toAppsRequest(route: AppsRoute<RoutedOperation & DeclaredResponses>, request: DecodedRequest): AppsRequest {
  // A null prototype, the shape the model reads without copying.
  const query = Object.create(null) as Record<string, string>;
  if (request.query.size > 0) request.query.forEach((value, name) => (query[name] ??= value));
  return {
    operationId: route.name,
    path: request.path,
    ...(request.origin !== undefined ? { origin: request.origin } : {}),
    pathParams: route.rename(request.pathParams),
    query,
    headers: request.headers,
    body: Buffer.isBuffer(request.body) ? undefined : request.body,
    rawBody: request.rawBody,
    violations: request.violations,
    declared: { responses: route.operation.responses },
  };
}
