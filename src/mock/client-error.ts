import type { Socket } from 'node:net';
import { PROBLEM_MEDIA_TYPE, reasonPhrase, toProblem, withTypeBase } from '../core/index.js';

/**
 * A request llhttp could not parse (bad bytes, oversized headers, a client too slow): answer with
 * a problem when the socket still takes writes, then close the connection.
 */
export function answerClientError(error: NodeJS.ErrnoException, socket: Socket, problemTypeBase?: string): void {
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
