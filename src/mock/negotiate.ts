import { negotiateMediaType, toProblem, type ProblemDetails } from '../core/index.js';
import { findResponse, type MediaTypeSpec, type Operation, type ResponseSpec } from '../openapi/index.js';
import type { Preferences } from './prefer.js';

export type Selection =
  { ok: true; status: number; response: ResponseSpec; media: MediaTypeSpec | undefined } | { ok: false; problem: ProblemDetails };

/**
 * Chooses the status and media type of a stateless answer the way Prism does: a preferred code if
 * declared, else the lowest declared 2xx, then `2XX`, then `default` (as 200); the media type by Accept.
 */
export function selectResponse(operation: Operation, preferences: Preferences, accept: string | undefined): Selection {
  const chosen = preferences.code === undefined ? defaultSuccess(operation) : preferred(operation, preferences.code);
  if (!chosen) {
    const what = preferences.code === undefined ? 'no success response' : `no response with status ${preferences.code}`;
    return { ok: false, problem: toProblem('no_response_defined', `${what} is declared for ${operation.method} ${operation.path}`) };
  }
  const { status, response } = chosen;
  if (response.content.length === 0) return { ok: true, status, response, media: undefined };
  const offered = response.content.map((media) => media.mediaType).filter((type) => !type.includes('*'));
  const picked = negotiateMediaType(accept, offered.length > 0 ? offered : ['application/json']);
  if (!picked) {
    return {
      ok: false,
      problem: toProblem('not_acceptable', `Accept ${accept} matches none of: ${offered.join(', ')}`),
    };
  }
  const media = response.content.find((entry) => entry.mediaType === picked) ?? response.content[0];
  return { ok: true, status, response, media };
}

function preferred(operation: Operation, code: number) {
  const response = findResponse(operation, code);
  return response && { status: code, response };
}

function defaultSuccess(operation: Operation) {
  const exact = operation.responses.filter((response) => /^2\d\d$/.test(response.key)).sort((a, b) => Number(a.key) - Number(b.key))[0];
  if (exact) return { status: Number(exact.key), response: exact };
  const fallback =
    operation.responses.find((response) => response.key.toUpperCase() === '2XX') ??
    operation.responses.find((response) => response.key === 'default');
  if (fallback) return { status: 200, response: fallback };
  const first = operation.responses.find((response) => /^\d{3}$/.test(response.key));
  return first && { status: Number(first.key), response: first };
}

/**
 * The status a stateless mock uses for invalid input, from what the operation declares: 400, 422,
 * a `4XX` range or `default` (answered as 400), a declared 404 when a path value is what is wrong,
 * then the lowest other declared 4xx but 401/403/404, which would misstate the cause; 400 when none fits.
 */
export function invalidInputStatus(operation: Operation, pathIsWrong = false): number {
  const declared = operation.responses.map((response) => response.key.toUpperCase());
  if (declared.includes('400')) return 400;
  if (declared.includes('422')) return 422;
  if (declared.includes('4XX') || declared.includes('DEFAULT')) return 400;
  if (pathIsWrong && declared.includes('404')) return 404;
  const other = declared.filter((key) => /^4\d\d$/.test(key) && !['401', '403', '404'].includes(key)).sort()[0];
  return other ? Number(other) : 400;
}
