import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import type { HeaderMap } from '../../core/index.js';

/** Bodies longer than this are kept cut short, so a large upload cannot fill the dashboard's memory. */
export const MAX_CAPTURED_BODY = 64 * 1024;

/** What a watched exchange looked like on the wire, bodies cut at {@link MAX_CAPTURED_BODY}. */
export interface CapturedExchange {
  startedAt: number;
  request: { body: Buffer[]; size: number };
  response: { status: number; headers: OutgoingHttpHeaders; body: Buffer[]; size: number };
}

/**
 * Records the request body and the response as they pass, by listening to the request stream and
 * wrapping this one response's `writeHead`, `write` and `end`. Only watched requests pay for this.
 */
export function captureExchange(req: IncomingMessage, res: ServerResponse): CapturedExchange {
  const captured: CapturedExchange = {
    startedAt: performance.now(),
    request: { body: [], size: 0 },
    response: { status: 0, headers: {}, body: [], size: 0 },
  };
  // A second 'data' listener sees the same chunks as the body reader; it is added in the same
  // tick as that reader, so no chunk is missed and none is taken from it.
  req.on('data', (chunk: Buffer) => keep(captured.request, chunk));
  const { writeHead, write, end } = res;
  res.writeHead = function (this: ServerResponse, status: number, ...rest: unknown[]) {
    captured.response.status = status;
    const headers = rest.find((arg) => arg !== null && typeof arg === 'object');
    if (headers) Object.assign(captured.response.headers, headers);
    return writeHead.call(this, status, ...(rest as []));
  } as ServerResponse['writeHead'];
  res.write = function (this: ServerResponse, chunk: unknown, ...rest: unknown[]) {
    keepChunk(captured.response, chunk);
    return (write as (...args: unknown[]) => boolean).call(this, chunk, ...rest);
  } as ServerResponse['write'];
  res.end = function (this: ServerResponse, chunk?: unknown, ...rest: unknown[]) {
    if (typeof chunk !== 'function') keepChunk(captured.response, chunk);
    return (end as (...args: unknown[]) => ServerResponse).call(this, chunk, ...rest);
  } as ServerResponse['end'];
  return captured;
}

/** The response headers as sent: those set one by one (CORS) and those given to `writeHead`. */
export function sentHeaders(res: ServerResponse, captured: CapturedExchange): HeaderMap {
  const headers: HeaderMap = {};
  for (const [name, value] of Object.entries({ ...res.getHeaders(), ...captured.response.headers })) {
    if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  return headers;
}

function keepChunk(side: { body: Buffer[]; size: number }, chunk: unknown): void {
  if (typeof chunk === 'string') keep(side, Buffer.from(chunk));
  else if (chunk instanceof Uint8Array) keep(side, Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
}

function keep(side: { body: Buffer[]; size: number }, chunk: Buffer): void {
  const room = MAX_CAPTURED_BODY - Math.min(side.size, MAX_CAPTURED_BODY);
  if (room > 0) side.body.push(chunk.length > room ? chunk.subarray(0, room) : chunk);
  side.size += chunk.length;
}
