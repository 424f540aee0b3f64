import { describe, expect, it } from 'vitest';
import { serveApps } from '../helpers/serve.js';
import { exchangeRaw } from './raw-http.js';

const HARNESS = 'harness_0193a3b5c0de7000800000000000abcd';

function postApp(name: string): string {
  const body = JSON.stringify({ name, harness_id: HARNESS });
  return `POST /v1/apps HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
}

/**
 * RFC 9112 §9.3.2: a server answers pipelined requests in the order they came. Bytes that are not
 * HTTP after valid requests end the connection, but only after every valid request got its answer.
 */
describe('pipelined requests followed by bytes that are not HTTP', () => {
  it('answers each valid request in order, then the 400, then closes', async () => {
    const server = await serveApps();
    // The POST reads its body asynchronously, so its answer is still in flight when the garbage is parsed.
    const payload = postApp('First') + 'GET /__mock/health HTTP/1.1\r\nhost: x\r\n\r\n' + postApp('Second') + 'NOT HTTP AT ALL\r\n\r\n';
    const { responses, closed } = await exchangeRaw(server.port, payload, { expected: 4 });
    expect(responses.map((response) => response.status)).toEqual([201, 200, 201, 400]);
    expect(JSON.parse(responses[0]!.body).name).toBe('First');
    expect(JSON.parse(responses[1]!.body)).toMatchObject({ ok: true });
    expect(JSON.parse(responses[2]!.body).name).toBe('Second');
    expect(responses[3]!.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(JSON.parse(responses[3]!.body)).toMatchObject({ status: 400, code: 'invalid_request' });
    expect(closed).toBe(true);
    // Both apps were kept: nothing was lost to the bad bytes.
    const state = await exchangeRaw(server.port, 'GET /v1/apps HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n', { expected: 1 });
    expect(JSON.parse(state.responses[0]!.body).data.map((app: { name: string }) => app.name).sort()).toEqual(['First', 'Second']);
  });

  it('answers the bad bytes at once when nothing is in flight', async () => {
    const server = await serveApps();
    const { responses, closed } = await exchangeRaw(server.port, 'NOT HTTP AT ALL\r\n\r\n', { expected: 1 });
    expect(responses.map((response) => response.status)).toEqual([400]);
    expect(closed).toBe(true);
  });

  it('answers a request whose own chunked body is malformed with one 400, after the answers before it', async () => {
    const server = await serveApps();
    const broken = 'POST /v1/apps HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\n\r\nzz\r\n';
    const { responses, closed } = await exchangeRaw(server.port, postApp('Before') + broken, { expected: 2 });
    expect(responses.map((response) => response.status)).toEqual([201, 400]);
    expect(closed).toBe(true);
  });
});
