import type { ServerResponse } from 'node:http';
import { PROBLEM_MEDIA_TYPE, type ProblemDetails } from '../core/index.js';

const FALLBACK = Buffer.from(
  JSON.stringify({ title: 'Internal Server Error', status: 500, detail: 'the mock could not write its answer', code: 'internal_error' }),
);

/**
 * The one writer of problem responses. If the problem cannot be serialised, or headers are already
 * gone, it falls back to a fixed body that cannot throw (as fastify's error handler does).
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
    body = Buffer.from(JSON.stringify(problem));
  } catch {
    body = FALLBACK;
    status = 500;
  }
  res.writeHead(status, { 'content-type': PROBLEM_MEDIA_TYPE, ...headers, 'content-length': body.length });
  res.end(body);
}
