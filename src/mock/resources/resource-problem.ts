import { toProblem } from '../../core/index.js';
import type { ResourceResponse } from '../../model/resources/index.js';
import type { Operation } from '../../openapi/index.js';
import type { StatelessResponder } from '../stateless.js';
import type { LayerAnswer } from '../stateful-layer.js';

type ProblemResponse = Extract<ResourceResponse, { kind: 'problem' }>;

/**
 * The model's problem (`resource_not_found`, `resource_conflict`, ...) as the catalogue builds it,
 * fitted to the error schema the operation declares for its status, as the stateless engine fits
 * its own; the HTTP status stays the model's.
 */
export function resourceProblem(
  responder: StatelessResponder,
  operation: Operation,
  response: ProblemResponse,
  instance: string,
): LayerAnswer {
  const details = toProblem(response.code, response.detail, { status: response.status, instance });
  const fitted = responder.fitProblem(operation, details);
  return { status: response.status, body: fitted.body, headers: { ...response.headers, 'content-type': fitted.mediaType } };
}
