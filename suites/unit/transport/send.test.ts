import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Agent, MockAgent } from 'undici';
import { describe, expect, it, onTestFinished } from 'vitest';
import { isTransportFailure, send } from '../../../src/transport/index.js';
import { listenForTest } from '../../helpers/listen.js';

function mockAgent() {
  const agent = new MockAgent();
  agent.disableNetConnect();
  onTestFinished(() => agent.close());
  return agent;
}

async function listen(handler: Parameters<typeof createServer>[1]): Promise<string> {
  const server: Server = createServer(handler);
  return listenForTest(server);
}

describe('send', () => {
  it('returns any status as a response, with lower-cased headers and the whole body', async () => {
    const agent = mockAgent();
    agent
      .get('http://api.test')
      .intercept({ path: '/v1/apps', method: 'POST' })
      .reply(500, '{"title":"x"}', { headers: { 'Content-Type': 'application/problem+json' } });
    const result = await send(
      { method: 'POST', url: 'http://api.test/v1/apps', headers: {}, body: Buffer.from('{}') },
      { dispatcher: agent, timeoutMs: 1000 },
    );
    expect(isTransportFailure(result)).toBe(false);
    if (isTransportFailure(result)) return;
    expect(result.status).toBe(500);
    expect(result.headers['content-type']).toBe('application/problem+json');
    expect(result.body.toString()).toBe('{"title":"x"}');
  });

  it('turns a connection error into a failure value instead of throwing', async () => {
    const agent = mockAgent();
    agent
      .get('http://api.test')
      .intercept({ path: '/x', method: 'GET' })
      .replyWithError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
    const result = await send({ method: 'GET', url: 'http://api.test/x', headers: {} }, { dispatcher: agent, timeoutMs: 1000 });
    expect(isTransportFailure(result) && result.kind).toBe('reset');
  });

  it('gives up on a hanging server within the timeout', async () => {
    const url = await listen(() => {
      /* never answers */
    });
    const started = Date.now();
    const result = await send({ method: 'GET', url: url + '/hang', headers: {} }, { timeoutMs: 200 });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(isTransportFailure(result) && result.kind).toBe('timeout');
  });

  it('stops reading a body over the cap and says so', async () => {
    const chunk = Buffer.alloc(64 * 1024, 97);
    const url = await listen((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      // Streams without content-length, far past the cap.
      let sent = 0;
      const pump = () => {
        while (sent < 200 && res.write(chunk)) sent += 1;
        if (sent < 200) res.once('drain', pump);
        else res.end();
      };
      pump();
    });
    const result = await send({ method: 'GET', url: url + '/big', headers: {} }, { timeoutMs: 5000, maxBodyBytes: 256 * 1024 });
    expect(isTransportFailure(result) && result.kind).toBe('body-too-large');
    expect(isTransportFailure(result) && result.status).toBe(200);
  });

  it('refuses a declared content-length over the cap without reading it', async () => {
    const agent = mockAgent();
    agent
      .get('http://api.test')
      .intercept({ path: '/big', method: 'GET' })
      .reply(200, 'x'.repeat(2048), { headers: { 'content-length': '2048' } });
    const result = await send(
      { method: 'GET', url: 'http://api.test/big', headers: {} },
      { dispatcher: agent, timeoutMs: 1000, maxBodyBytes: 1024 },
    );
    expect(isTransportFailure(result) && result.kind).toBe('body-too-large');
  });

  it('reports a refused connection', async () => {
    const url = await listen(() => {});
    const port = Number(new URL(url).port);
    // A port that was just closed again is (almost certainly) refused.
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const free = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    expect(free).not.toBe(port);
    const result = await send({ method: 'GET', url: `http://127.0.0.1:${free}/`, headers: {} }, { timeoutMs: 1000 });
    expect(isTransportFailure(result) && result.kind).toBe('refused');
  });

  it('waits past an interim 1xx answer for the final one (RFC 9110 §15.2)', async () => {
    const url = await listen((_req, res) => {
      res.writeEarlyHints({ link: '</style.css>; rel=preload' });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
    const result = await send({ method: 'GET', url: url + '/hints', headers: {} }, { timeoutMs: 2000 });
    expect(isTransportFailure(result)).toBe(false);
    if (isTransportFailure(result)) return;
    expect([result.status, result.body.toString()]).toEqual([200, '{"ok":true}']);
  });

  it("reports an abort of the caller's signal as aborted, not as a timeout", async () => {
    const url = await listen(() => {
      /* never answers */
    });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const result = await send({ method: 'GET', url: url + '/hang', headers: {} }, { timeoutMs: 5000, signal: controller.signal });
    expect(isTransportFailure(result) && result.kind).toBe('aborted');
  });

  it('times out a request still queued for a connection on its own time, and never sends it', async () => {
    const seen: string[] = [];
    const url = await listen((req) => {
      seen.push(req.url ?? '');
      /* never answers */
    });
    const dispatcher = new Agent({ connections: 1 });
    onTestFinished(() => dispatcher.destroy());
    const settled: string[] = [];
    const first = send({ method: 'GET', url: url + '/first', headers: {} }, { dispatcher, timeoutMs: 1000 }).finally(() =>
      settled.push('first'),
    );
    const queued = await send({ method: 'GET', url: url + '/queued', headers: {} }, { dispatcher, timeoutMs: 150 }).finally(() =>
      settled.push('queued'),
    );
    expect(isTransportFailure(queued) && queued.kind).toBe('timeout');
    const firstResult = await first;
    expect(isTransportFailure(firstResult) && firstResult.kind).toBe('timeout');
    // It did not wait for the connection /first held.
    expect(settled).toEqual(['queued', 'first']);
    // The connection is free again once /first gave up; /queued, abandoned before that, must not go out on it.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(seen).toEqual(['/first']);
  });
});
