import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendProblem, type ProblemDetails } from '../core/index.js';
import type { MockAnswer } from './stateless.js';
import type { LayerAnswer } from './stateful-layer.js';

const CORS: Record<string, string> = {
  'access-control-allow-origin': '*',
  'access-control-allow-headers': '*',
  'access-control-allow-methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS, HEAD',
  'access-control-expose-headers': '*',
};

/** Browsers send Origin on cross-origin calls; only those answers need the CORS headers. */
export function applyCors(req: IncomingMessage, res: ServerResponse): void {
  if (req.headers.origin === undefined) return;
  for (const [name, value] of Object.entries(CORS)) res.setHeader(name, value);
}

/** Writes a finished answer in one go and returns its status (for the request log). */
export function send(res: ServerResponse, answer: MockAnswer): number {
  const headers: Record<string, string | number> = { ...answer.headers };
  // RFC 9110 §8.6: no Content-Length on a 1xx, 204 or 304; elsewhere an empty answer says 0
  // rather than falling back to a chunked empty body.
  if (answer.body) headers['content-length'] = answer.body.length;
  else if (answer.status >= 200 && answer.status !== 204 && answer.status !== 304) headers['content-length'] = 0;
  res.writeHead(answer.status, headers);
  res.end(answer.body);
  return answer.status;
}

/**
 * Writes a JSON text. A string body lets Node put head and body in one write, where a Buffer
 * costs a second chunk in a writev per answer (node:_http_outgoing `_send`).
 */
function sendText(res: ServerResponse, status: number, headers: Record<string, string>, text: string): number {
  res.writeHead(status, { ...headers, 'content-length': Buffer.byteLength(text) });
  res.end(text);
  return status;
}

/** Writes a JSON value. */
export function sendJson(res: ServerResponse, status: number, value: unknown): number {
  return send(res, { status, headers: { 'content-type': 'application/json' }, body: Buffer.from(JSON.stringify(value)) });
}

/** Writes a problem and returns its status. */
export function problem(res: ServerResponse, details: ProblemDetails, headers: Record<string, string> = {}): number {
  sendProblem(res, details, headers);
  return res.statusCode;
}

// A layer may hand out the same immutable body object again (an unchanged app); its JSON text is
// then serialised once.
const serialised = new WeakMap<object, string>();

function toJson(body: unknown): string {
  if (body === null || typeof body !== 'object') return JSON.stringify(body);
  let text = serialised.get(body);
  if (text === undefined) {
    text = JSON.stringify(body);
    serialised.set(body, text);
  }
  return text;
}

/** Writes a stateful layer's answer: problems as problem+json, bytes as they are, other bodies as JSON. */
export function sendLayerAnswer(res: ServerResponse, answer: LayerAnswer): number {
  // The status is the answer's own: a problem fitted to a declared schema may type `status` otherwise.
  if (answer.status >= 400 && !Buffer.isBuffer(answer.body)) {
    sendProblem(res, answer.body as ProblemDetails, answer.headers, answer.status);
    return res.statusCode;
  }
  if (answer.body === undefined || Buffer.isBuffer(answer.body)) {
    return send(res, { status: answer.status, headers: answer.headers ?? {}, body: answer.body as Buffer | undefined });
  }
  return sendText(res, answer.status, { 'content-type': 'application/json', ...answer.headers }, toJson(answer.body));
}
