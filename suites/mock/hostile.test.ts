import { connect, type Socket } from 'node:net';
import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import type { MockServer } from '../../src/mock/index.js';
import { serveApps } from '../helpers/serve.js';
import { HARNESS } from '../helpers/apps-ids.js';

/**
 * Hostile input against the stateful Apps mock over real sockets. Raw `node:net` sockets carry the
 * inputs undici refuses to send (bad bytes, oversized lines, half-sent requests). Every test ends by
 * checking the server still answers and still holds the app created before the attack.
 */

interface RawResponse {
  status: number | undefined;
  headers: Record<string, string>;
  body: string;
  /** True when the server closed the connection (with or without an answer). */
  closed: boolean;
}

/** Writes raw bytes and collects one HTTP/1.1 response, or whatever arrived before the close or timeout. */
function rawExchange(port: number, payload: Buffer | string | Array<Buffer | string>, timeoutMs = 5_000): Promise<RawResponse> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let received = Buffer.alloc(0);
    let done = false;
    const finish = (closed: boolean) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      resolve({ ...parseResponse(received), closed });
    };
    const timer = setTimeout(() => finish(false), timeoutMs);
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      if (isComplete(received)) finish(false);
    });
    socket.on('close', () => finish(true));
    // A reset while we are still writing is an acceptable way to refuse; what arrived still counts.
    socket.on('error', () => finish(true));
    socket.on('connect', () => {
      for (const part of Array.isArray(payload) ? payload : [payload]) socket.write(part);
    });
  });
}

function parseResponse(bytes: Buffer): Omit<RawResponse, 'closed'> {
  const text = bytes.toString('latin1');
  const end = text.indexOf('\r\n\r\n');
  if (end < 0) return { status: undefined, headers: {}, body: '' };
  const [statusLine = '', ...lines] = text.slice(0, end).split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1]);
  return { status: Number.isNaN(status) ? undefined : status, headers, body: bytes.subarray(Buffer.byteLength(text.slice(0, end + 4), 'latin1')).toString('utf8') };
}

function isComplete(bytes: Buffer): boolean {
  const parsed = parseResponse(bytes);
  if (parsed.status === undefined) return false;
  const length = Number(parsed.headers['content-length'] ?? 0);
  return Buffer.byteLength(parsed.body) >= length;
}

/** Asserts a problem+json answer with one of `statuses`, or (when allowed) a closed connection without one. */
function expectProblem(response: RawResponse, statuses: number[], allowClosed = false): void {
  if (response.status === undefined) {
    expect(allowClosed, 'the server closed the connection without answering').toBe(true);
    expect(response.closed).toBe(true);
    return;
  }
  expect(statuses).toContain(response.status);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  const problem = JSON.parse(response.body) as { status: number; title: string };
  expect(problem.status).toBe(response.status);
  expect(typeof problem.title).toBe('string');
}

async function createApp(server: MockServer, name = 'Before the attack'): Promise<string> {
  const response = await request(`${server.url}/v1/apps`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name, harness_id: HARNESS }),
  });
  expect(response.statusCode).toBe(201);
  return ((await response.body.json()) as { id: string }).id;
}

/** The server answers a fresh client and still holds the app created before the attack. */
async function expectStillServing(server: MockServer, appId: string): Promise<void> {
  const health = await request(`${server.url}/__mock/health`);
  expect(health.statusCode).toBe(200);
  await health.body.dump();
  const app = await request(`${server.url}/v1/apps/${appId}`);
  expect(app.statusCode).toBe(200);
  expect(((await app.body.json()) as { id: string }).id).toBe(appId);
  const created = await createApp(server, 'After the attack');
  expect(created).not.toBe(appId);
}

function post(path: string, body: Buffer | string, headers: Record<string, string> = {}, method = 'POST'): Buffer {
  const bytes = Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8');
  const lines = [`${method} ${path} HTTP/1.1`, 'host: localhost', 'connection: close', `content-length: ${bytes.length}`];
  if (!('content-type' in headers)) lines.push('content-type: application/json');
  for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`);
  return Buffer.concat([Buffer.from(lines.join('\r\n') + '\r\n\r\n', 'latin1'), bytes]);
}

describe('hostile input against the Apps mock', () => {
  it('answers 413 to a body over 1 MiB with a declared length, and keeps serving', async () => {
    const server = await serveApps();
    const appId = await createApp(server);
    const body = Buffer.alloc(1024 * 1024 + 10, 0x20);
    expectProblem(await rawExchange(server.port, post('/v1/apps', body)), [413], true);
    await expectStillServing(server, appId);
  });

  it('answers 413 to a chunked body that grows past 1 MiB, and keeps serving', async () => {
    const server = await serveApps();
    const appId = await createApp(server);
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    const head = 'POST /v1/apps HTTP/1.1\r\nhost: localhost\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\n\r\n';
    const parts: Array<Buffer | string> = [head];
    for (let i = 0; i < 20; i++) parts.push(`${chunk.length.toString(16)}\r\n`, chunk, '\r\n');
    parts.push('0\r\n\r\n');
    expectProblem(await rawExchange(server.port, parts), [413], true);
    await expectStillServing(server, appId);
  });

  it('answers 400 problem+json to malformed JSON', async () => {
    const server = await serveApps();
    const appId = await createApp(server);
    for (const text of ['{"name": "x",', '{name: 1}', "{'a': 1}", '[1, 2', '{"a": 1}}', 'nul', '']) {
      const response = await rawExchange(server.port, post('/v1/apps', text));
      expectProblem(response, [400]);
    }
    await expectStillServing(server, appId);
  });

  it('answers 400 problem+json to a body that is not valid UTF-8', async () => {
    const server = await serveApps();
    const appId = await createApp(server);
    const invalid = [
      Buffer.from([0x7b, 0x22, 0x6e, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d]), // {"n":"\xc3("}
      Buffer.from([0xff, 0xfe, 0xfd]),
      Buffer.concat([Buffer.from(`{"name":"`), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from(`","harness_id":"${HARNESS}"}`)]), // a UTF-16 surrogate
    ];
    for (const body of invalid) {
      const response = await rawExchange(server.port, post('/v1/apps', body));
      expectProblem(response, [400]);
      expect(JSON.parse(response.body).detail).toMatch(/UTF-8/);
    }
    await expectStillServing(server, appId);
  });

  it('answers 400 problem+json to JSON nested 100,000 levels deep', async () => {
    const server = await serveApps();
    const appId = await createApp(server);
    const depth = 100_000;
    for (const text of ['['.repeat(depth) + ']'.repeat(depth), '{"a":'.repeat(depth) + '1' + '}'.repeat(depth)]) {
      const response = await rawExchange(server.port, post('/v1/apps', text));
      expectProblem(response, [400]);
      expect(JSON.parse(response.body).detail).toMatch(/deeper/);
    }
    // The same depth as a webhook payload, where any bytes are accepted and JSON is parsed when it parses.
    const response = await rawExchange(server.port, post(`/v1/apps/${appId}/webhooks/appchan_0193a3b5c0de7000800000000000abcd`, '['.repeat(depth)));
    expectProblem(response, [400, 403, 404]);
    await expectStillServing(server, appId);
  });

  it('answers 400 problem+json to numbers out of range (1e400, huge integers)', async () => {
    const server = await serveApps();
    const appId = await createApp(server);
    const huge = '9'.repeat(5_000);
    for (const text of [
      `{"name": 1e400, "harness_id": "${HARNESS}"}`,
      `{"name": "ok", "harness_id": ${huge}}`,
      `{"name": "ok", "harness_id": "${HARNESS}", "description": -1e400}`,
      `1e400`,
    ]) {
      expectProblem(await rawExchange(server.port, post('/v1/apps', text)), [400]);
    }
    // A huge number in a query parameter of a read.
    const list = await request(`${server.url}/v1/apps/${appId}/runs?window=${huge}h`);
    expect(list.statusCode).toBe(400);
    expect(list.headers['content-type']).toMatch(/^application\/problem\+json/);
    await list.body.dump();
    await expectStillServing(server, appId);
  });

  it('rejects __proto__ and constructor.prototype keys with 400 and nothing is polluted', async () => {
    const server = await serveApps();
    const appId = await createApp(server);
    const bodies = [
      `{"__proto__": {"polluted": "yes"}, "name": "p", "harness_id": "${HARNESS}"}`,
      `{"name": "p", "harness_id": "${HARNESS}", "constructor": {"prototype": {"polluted": "yes"}}}`,
      `{"name": "p", "harness_id": "${HARNESS}", "channel_type": "webhook", "channel_config": {"token": "t", "message": "m", "__proto__": {"polluted": "yes"}}}`,
      `[{"__proto__": {"polluted": "yes"}}]`,
    ];
    for (const body of bodies) {
      const response = await rawExchange(server.port, post('/v1/apps', body));
      expectProblem(response, [400]);
    }
    const patched = await rawExchange(server.port, post(`/v1/apps/${appId}`, '{"__proto__": {"polluted": "yes"}, "name": "q"}', {}, 'PATCH'));
    expectProblem(patched, [400]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    const app = await request(`${server.url}/v1/apps/${appId}`);
    expect(((await app.body.json()) as { name: string }).name).toBe('Before the attack');
    await expectStillServing(server, appId);
  });

  it('accepts a webhook payload with a __proto__ key as data, without pollution or leaking prototype members', async () => {
    const server = await serveApps();
    const appId = await createApp(server);
    const channel = await request(`${server.url}/v1/apps/${appId}/channels`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ channel_type: 'webhook', channel_config: { token: 'tok', message: 'x{{ payload.__proto__.polluted }}{{ payload.constructor.name }}' } }),
    });
    expect(channel.statusCode).toBe(201);
    const channelId = ((await channel.body.json()) as { id: string }).id;
    const published = await request(`${server.url}/v1/apps/${appId}/publish`, { method: 'POST' });
    expect(published.statusCode).toBe(200);
    await published.body.dump();
    // As raw bytes the payload is the webhook's business: accepted, parsed as data only.
    const response = await rawExchange(
      server.port,
      post(`/v1/apps/${appId}/webhooks/${channelId}`, '{"__proto__": {"polluted": "yes"}}', { 'content-type': 'application/octet-stream', 'x-everruns-webhook-token': 'tok' }),
    );
    expect(response.status).toBe(202);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // The template follows own properties only: the payload's own "__proto__" key is plain data
    // ("yes"), while `constructor.name` would reach Object's prototype and renders empty.
    const state = await request(`${server.url}/__mock/state`);
    const runs = ((await state.body.json()) as { runs: Array<{ message: string }> }).runs;
    expect(runs.map((run) => run.message)).toEqual(['xyes']);
    await expectStillServing(server, appId);
  });

  it('answers 400 problem+json to malformed percent-encoding in a path', async () => {
    const server = await serveApps();
    const appId = await createApp(server);
    for (const path of ['/v1/apps/%E0%A4%A', '/v1/apps/%ZZ', '/v1/apps/%', '/v1/apps/%C0%80']) {
      const response = await rawExchange(server.port, `GET ${path} HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n`);
      expectProblem(response, [400]);
    }
    const publish = await rawExchange(server.port, post('/v1/apps/%E0%A4%A/publish', ''));
    expectProblem(publish, [400]);
    await expectStillServing(server, appId);
  });

  it('answers 414 or 431 (or closes) to a 100 KB request target', async () => {
    const server = await serveApps();
    const appId = await createApp(server);
    for (const target of [`/v1/apps/${'a'.repeat(100_000)}`, `/v1/apps?search=${'a'.repeat(100_000)}`]) {
      const response = await rawExchange(server.port, `GET ${target} HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n`);
      expectProblem(response, [414, 431], true);
    }
    await expectStillServing(server, appId);
  });

  it('answers 431 (or closes) to a very long header', async () => {
    const server = await serveApps();
    const appId = await createApp(server);
    const response = await rawExchange(server.port, `GET /v1/apps HTTP/1.1\r\nhost: x\r\nx-long: ${'v'.repeat(100_000)}\r\n\r\n`);
    expectProblem(response, [431], true);
    const many = Array.from({ length: 2_000 }, (_, i) => `x-h${i}: ${i}`).join('\r\n');
    expectProblem(await rawExchange(server.port, `GET /v1/apps HTTP/1.1\r\nhost: x\r\n${many}\r\n\r\n`), [431], true);
    await expectStillServing(server, appId);
  });

  it('answers 400 problem+json to invalid header bytes and malformed request lines', async () => {
    const server = await serveApps();
    const appId = await createApp(server);
    const inputs: Array<Buffer | string> = [
      'GET /v1/apps HTTP/1.1\r\nhost: x\r\nx-bad\u0001name: v\r\n\r\n',
      Buffer.concat([Buffer.from('GET /v1/apps HTTP/1.1\r\nhost: x\r\nx-bad: a'), Buffer.from([0x00, 0x7f]), Buffer.from('b\r\n\r\n')]),
      'GET /v1/apps HTTP/1.1\r\nhost: x\r\nno colon here\r\n\r\n',
      'GET /v1/apps HTTP/1.1\r\nhost: x\r\n bad-fold: v\r\n\r\n',
      'GET /v1/apps HTTP/9.9\r\nhost: x\r\n\r\n',
      'G@T /v1/apps HTTP/1.1\r\nhost: x\r\n\r\n',
      'GET /v1/apps HTTP/1.1\r\n\r\n', // RFC 9112 §3.2: HTTP/1.1 without Host
      'POST /v1/apps HTTP/1.1\r\nhost: x\r\ncontent-length: 5\r\ncontent-length: 7\r\n\r\n12345',
      'POST /v1/apps HTTP/1.1\r\nhost: x\r\ncontent-length: 5\r\ntransfer-encoding: chunked\r\n\r\n0\r\n\r\n',
      'POST /v1/apps HTTP/1.1\r\nhost: x\r\ntransfer-encoding: chunked\r\n\r\nzz\r\n',
    ];
    for (const input of inputs) {
      expectProblem(await rawExchange(server.port, input), [400], true);
    }
    await expectStillServing(server, appId);
  });

  it('serves protocol edge cases Node would otherwise answer with an empty body', async () => {
    const server = await serveApps();
    const appId = await createApp(server);
    // RFC 9110 §10.1.1: an unknown expectation may be ignored; Node's default is a bare 417.
    const expectation = await rawExchange(server.port, `GET /v1/apps/${appId} HTTP/1.1\r\nhost: x\r\nexpect: teapot\r\nconnection: close\r\n\r\n`);
    expect(expectation.status).toBe(200);
    expect(JSON.parse(expectation.body).id).toBe(appId);
    // RFC 9112 §3.2.2: the absolute-form must be accepted.
    const absolute = await rawExchange(server.port, `GET http://localhost/v1/apps/${appId} HTTP/1.1\r\nhost: localhost\r\nconnection: close\r\n\r\n`);
    expect(absolute.status).toBe(200);
    expect(JSON.parse(absolute.body).id).toBe(appId);
    // CONNECT is not served: a problem or a closed connection, never a tunnel.
    const tunnel = await rawExchange(server.port, 'CONNECT example.com:443 HTTP/1.1\r\nhost: example.com:443\r\n\r\n');
    expectProblem(tunnel, [400, 404, 405], true);
    await expectStillServing(server, appId);
  });

  it('keeps serving other clients while slow clients hold connections open', async () => {
    const server = await serveApps();
    const appId = await createApp(server);
    const slow: Socket[] = [];
    try {
      for (let i = 0; i < 5; i++) {
        // Half a request line and headers, then nothing (slowloris) …
        const partial = connect(server.port, '127.0.0.1');
        partial.on('error', () => {});
        partial.write('GET /v1/apps HTTP/1.1\r\nhost: x\r\nx-slow: ');
        slow.push(partial);
        // … and complete headers promising a body that never comes.
        const stalled = connect(server.port, '127.0.0.1');
        stalled.on('error', () => {});
        stalled.write('POST /v1/apps HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: 1000\r\n\r\n{"name":');
        slow.push(stalled);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
      const started = performance.now();
      await expectStillServing(server, appId);
      expect(performance.now() - started).toBeLessThan(2_000);
      expect(slow.every((socket) => !socket.destroyed)).toBe(true);
    } finally {
      // The server's own timeouts (headers 10 s, request 30 s) are not configurable; end them here so close() does not wait.
      for (const socket of slow) socket.destroy();
    }
  });
});
