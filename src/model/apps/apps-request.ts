import type { ProblemError } from '../../core/index.js';
import type { AppsOperationId, AppsRequest } from './types.js';

/**
 * A request after the engine's steps (routing, percent-decoding, body decoding by the declared
 * media types, schema validation), as the mock's pipeline and the runner's oracle both hand it over.
 */
export interface DecodedRequest {
  operationId: string;
  path: string;
  /** The origin the client reached, links are built on (the oracle leaves it to the model's base). */
  origin?: string | undefined;
  pathParams: Record<string, string>;
  query: URLSearchParams;
  /** Lower-case names. */
  headers: Record<string, string>;
  /** The decoded body: a JSON value, a form object, text, or the raw bytes of other media types. */
  body: unknown;
  rawBody: Buffer | undefined;
  violations: ProblemError[];
}

/** The one conversion of a decoded request into what the Apps model reads: first query values, no bytes as a body. */
export function toAppsRequest(request: DecodedRequest): AppsRequest {
  const query: Record<string, string | undefined> = {};
  for (const [name, value] of request.query) if (!(name in query)) query[name] = value;
  return {
    operationId: request.operationId as AppsOperationId,
    path: request.path,
    ...(request.origin !== undefined ? { origin: request.origin } : {}),
    pathParams: request.pathParams,
    query,
    headers: request.headers,
    body: Buffer.isBuffer(request.body) ? undefined : request.body,
    rawBody: request.rawBody,
    violations: request.violations,
  };
}
