import { ServerResponse, type IncomingMessage } from 'node:http';
import { PROBLEM_MEDIA_TYPE, type ProblemDetails } from './problem.js';
import { withTypeBase } from './problem-types.js';

/** A response that knows the base on which the document being served names its problem types. */
export interface TypedResponse extends ServerResponse {
  readonly problemTypeBase: string | undefined;
}

/**
 * The ServerResponse class of a server whose problems are typed on `base` (undefined: about:blank),
 * for `http.createServer`'s `ServerResponse` option: one server serves one document.
 */
export function typedResponseClass(base: string | undefined): typeof ServerResponse<IncomingMessage> {
  // A getter on the prototype, not a class field: a field is defined again on every response.
  return class TypedServerResponse extends ServerResponse<IncomingMessage> implements TypedResponse {
    get problemTypeBase(): string | undefined {
      return base;
    }
  };
}

const FALLBACK = Buffer.from(
  JSON.stringify({ title: 'Internal Server Error', status: 500, detail: 'the answer could not be written', code: 'internal_error' }),
);

/**
 * The one writer of problem responses, typed as the served document names its problem types. If
 * the problem cannot be serialised, or headers are already gone, it falls back to a fixed body
 * that cannot throw (as fastify's error handler does).
 */
export function sendProblem(
  res: ServerResponse,
  problem: ProblemDetails,
  headers: Record<string, string> = {},
  status = problem.status,
): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  let body: Buffer;
  if (!Number.isInteger(status) || status < 400 || status > 599) status = 500;
  try {
    body = Buffer.from(JSON.stringify(withTypeBase(problem, (res as Partial<TypedResponse>).problemTypeBase)));
  } catch {
    body = FALLBACK;
    status = 500;
  }
  res.writeHead(status, { 'content-type': PROBLEM_MEDIA_TYPE, ...headers, 'content-length': body.length });
  res.end(body);
}
