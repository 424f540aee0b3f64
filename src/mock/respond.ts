import type { IncomingMessage, ServerResponse } from 'node:http';
import { isShared, sendProblem, type ProblemDetails } from '../core/index.js';
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
  return sendPrepared(res, answer.status, headersOnWire(answer), answer.body);
}

/** An answer's headers as they go out: its own and its Content-Length. */
export function headersOnWire(answer: MockAnswer): Record<string, string | number> {
  const headers: Record<string, string | number> = { ...answer.headers };
  // RFC 9110 §8.6: no Content-Length on a 1xx, 204 or 304; elsewhere an empty answer says 0
  // rather than falling back to a chunked empty body.
  if (answer.body) headers['content-length'] = answer.body.length;
  else if (answer.status >= 200 && answer.status !== 204 && answer.status !== 304) headers['content-length'] = 0;
  return headers;
}

/** Writes an answer whose headers `headersOnWire` made (a kept answer's, sent again as they were). */
export function sendPrepared(
  res: ServerResponse,
  status: number,
  headers: Readonly<Record<string, string | number>>,
  body: Buffer | undefined,
): number {
  res.writeHead(status, headers);
  res.end(body);
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

// A layer hands out a shared (frozen) body again while its item is unchanged; its JSON text is then
// serialised once. Only shared bodies are kept: an entry for every new body (each create, update,
// recorded run) made each scavenge under write load a sixth longer, for bytes never sent again.
const serialised = new WeakMap<object, Buffer>();

function toJson(body: unknown): Buffer {
  if (!isShared(body)) return Buffer.from(JSON.stringify(body));
  let bytes = serialised.get(body);
  if (bytes === undefined) {
    bytes = Buffer.from(JSON.stringify(body));
    serialised.set(body, bytes);
  }
  return bytes;
}

/** An answer as it goes on the wire: its headers, Content-Length included, and its bytes. */
export interface WireAnswer {
  status: number;
  headers: Readonly<Record<string, string | number>>;
  body: Buffer | undefined;
}

/** A stateful layer's answer as it goes on the wire; undefined for a problem, which `sendProblem` shapes. */
export function layerAnswerOnWire(answer: LayerAnswer): WireAnswer | undefined {
  const { status } = answer;
  // The status is the answer's own: a problem fitted to a declared schema may type `status` otherwise.
  if (status >= 400 && !Buffer.isBuffer(answer.body)) return undefined;
  if (answer.body === undefined || Buffer.isBuffer(answer.body)) {
    const body = answer.body as Buffer | undefined;
    return { status, headers: headersOnWire({ status, headers: answer.headers ?? {}, body }), body };
  }
  const body = toJson(answer.body);
  const headers =
    answer.headers === undefined
      ? { 'content-type': 'application/json', 'content-length': body.length }
      : { 'content-type': 'application/json', ...answer.headers, 'content-length': body.length };
  return { status, headers, body };
}

/** Writes a stateful layer's answer: problems as problem+json, bytes as they are, other bodies as JSON. */
export function sendLayerAnswer(res: ServerResponse, answer: LayerAnswer): number {
  const wire = layerAnswerOnWire(answer);
  if (wire) return sendPrepared(res, wire.status, wire.headers, wire.body);
  sendProblem(res, answer.body as ProblemDetails, answer.headers, answer.status);
  return res.statusCode;
}
