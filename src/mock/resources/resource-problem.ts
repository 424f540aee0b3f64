import { toProblem } from '../../core/index.js';
import type { ResourceResponse } from '../../model/resources/index.js';
import { declaredStatus, type Operation } from '../../openapi/index.js';
import type { StatelessResponder } from '../stateless.js';
import type { LayerAnswer } from '../stateful-layer.js';

type ProblemResponse = Extract<ResourceResponse, { kind: 'problem' }>;

/**
 * The model's problem (`resource_not_found`, `resource_conflict`, ...) as the catalogue builds it,
 * in a status and a shape the operation declares: `declaredStatus` (shared with the runner's oracle)
 * turns a 404 the operation does not declare into the 4xx it answers invalid input with; the body is
 * fitted to what the document declares for that status, as the stateless engine fits its own.
 */
export function resourceProblem(
  responder: StatelessResponder,
  operation: Operation,
  response: ProblemResponse,
  instance: string,
): LayerAnswer {
  const status = declaredStatus(operation, response.status);
  const details = toProblem(response.code, response.detail, { status, instance });
  const fitted = responder.fitProblem(operation, details);
  const body = typeof fitted.body === 'string' ? Buffer.from(fitted.body) : fitted.body;
  return { status, body, headers: { ...response.headers, 'content-type': fitted.mediaType } };
}
