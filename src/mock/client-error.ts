import type { ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { PROBLEM_MEDIA_TYPE, reasonPhrase, toProblem, withTypeBase } from '../core/index.js';

// llhttp stays in its error state and reports the same error for every later chunk; a connection
// gets one answer.
const answered = new WeakSet<Socket>();

/**
 * A request llhttp could not parse (bad bytes, oversized headers, a client too slow): answer with a
 * problem, then close the connection. Answers still owed on this connection come first (RFC 9112
 * §9.3.2: responses go out in the order of their requests), so the problem is written only once
 * every earlier request that was read whole, or whose answer has begun, has been answered. Node's
 * own handler only declines to write once an answer has begun; waiting is what keeps a pipelined
 * request's answer from being pushed aside.
 */
export function answerClientError(error: NodeJS.ErrnoException, socket: Socket, unanswered: Iterable<ServerResponse>, problemTypeBase?: string): void {
  if (answered.has(socket)) return;
  answered.add(socket);
  const owed = [...unanswered].filter((res) => res.req.socket === socket && (res.req.complete || res.headersSent));
  let waiting = owed.length;
  const write = () => writeProblem(error, socket, problemTypeBase);
  if (waiting === 0) return write();
  for (const res of owed) res.once('close', () => --waiting === 0 && write());
}

function writeProblem(error: NodeJS.ErrnoException, socket: Socket, problemTypeBase: string | undefined): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
  const code = status === 431 ? 'request_header_fields_too_large' : status === 408 ? 'request_timeout' : 'invalid_request';
  const body = JSON.stringify(withTypeBase(toProblem(code, `malformed HTTP request (${error.code ?? 'unknown'})`), problemTypeBase));
  socket.end(
    `HTTP/1.1 ${status} ${reasonPhrase(status)}\r\ncontent-type: ${PROBLEM_MEDIA_TYPE}\r\n` +
      `content-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
  );
}
