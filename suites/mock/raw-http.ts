import { connect } from 'node:net';

/** One HTTP/1.1 response as it arrived on the wire. */
export interface WireResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** What a raw connection received: every complete response in order, and whether the server closed it. */
export interface WireExchange {
  responses: WireResponse[];
  closed: boolean;
}

/**
 * Writes `payload` in one go on a fresh `node:net` socket and collects every response (bodies framed
 * by Content-Length) until the server closes or `expected` responses arrived and `settleMs` passed.
 */
export function exchangeRaw(port: number, payload: Buffer | string, options: { expected?: number; timeoutMs?: number; settleMs?: number } = {}): Promise<WireExchange> {
  const { expected = Infinity, timeoutMs = 5_000, settleMs = 100 } = options;
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let received = Buffer.alloc(0);
    let done = false;
    let settle: NodeJS.Timeout | undefined;
    const finish = (closed: boolean) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      clearTimeout(settle);
      socket.destroy();
      resolve({ responses: parseResponses(received), closed });
    };
    const timer = setTimeout(() => finish(false), timeoutMs);
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      if (parseResponses(received).length >= expected) {
        clearTimeout(settle);
        settle = setTimeout(() => finish(false), settleMs);
      }
    });
    socket.on('close', () => finish(true));
    socket.on('error', () => finish(true));
    socket.on('connect', () => socket.write(payload));
  });
}

/** Splits a byte stream into the complete responses it holds. */
export function parseResponses(bytes: Buffer): WireResponse[] {
  const responses: WireResponse[] = [];
  let offset = 0;
  while (offset < bytes.length) {
    const end = bytes.indexOf('\r\n\r\n', offset, 'latin1');
    if (end < 0) break;
    const [statusLine = '', ...lines] = bytes.subarray(offset, end).toString('latin1').split('\r\n');
    const headers: Record<string, string> = {};
    for (const line of lines) {
      const colon = line.indexOf(':');
      if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
    }
    const length = Number(headers['content-length'] ?? 0);
    if (end + 4 + length > bytes.length) break;
    responses.push({
      status: Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1]),
      headers,
      body: bytes.subarray(end + 4, end + 4 + length).toString('utf8'),
    });
    offset = end + 4 + length;
  }
  return responses;
}
