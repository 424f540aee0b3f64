import { findResponse } from './operations.js';

/** What the status rules read of an operation (an `Operation` fits): the keys of the responses it declares. */
export interface DeclaredResponses {
  responses: readonly { key: string }[];
}

/**
 * The status a server answers invalid input with, from what the operation declares: 400, 422,
 * a `4XX` range or `default` (answered as 400), a declared 404 when a path value is what is wrong,
 * then the lowest other declared 4xx but 401/403/404, which would misstate the cause; 400 when none fits.
 */
export function invalidInputStatus(operation: DeclaredResponses, pathIsWrong = false): number {
  const declared = operation.responses.map((response) => response.key.toUpperCase());
  if (declared.includes('400')) return 400;
  if (declared.includes('422')) return 422;
  if (declared.includes('4XX') || declared.includes('DEFAULT')) return 400;
  if (pathIsWrong && declared.includes('404')) return 404;
  const other = declared.filter((key) => /^4\d\d$/.test(key) && !['401', '403', '404'].includes(key)).sort()[0];
  return other ? Number(other) : 400;
}

/**
 * The status a rule's answer takes on the operation being served, so that the answer follows the
 * document, not the rule's habit (the mock answers with it, the runner's oracles predict it): the
 * rule's status where the operation declares it (exactly, by range or by `default`) or where it is a
 * server error; otherwise a declared status that tells the client the same. A 403 becomes a declared
 * 404, which RFC 9110 §15.5.4 lets a server answer to hide a resource it refuses (a document may
 * collapse its refusals into one 404 so that callers cannot tell what exists); a 404 becomes the invalid-input status (the path
 * value is what is wrong), and another 4xx but 401 the invalid-input status. With nothing declared
 * that fits, the rule's status stands.
 */
export function declaredStatus(operation: DeclaredResponses, status: number): number {
  if (status >= 500 || status === 401 || findResponse(operation, status)) return status;
  const fallback = status === 403 ? 404 : invalidInputStatus(operation, status === 404);
  return findResponse(operation, fallback) ? fallback : status;
}
