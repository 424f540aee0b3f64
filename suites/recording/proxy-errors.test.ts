import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RequestFacts } from '../../src/core/index.js';
import { loadHar } from '../../src/recording/index.js';
import { send, startProxy } from './helpers/record.js';
import { sendJson, serveTarget } from './helpers/target-server.js';
import { tempDir } from '../helpers/temp-dir.js';

/** A loopback port with nothing listening on it. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('recording proxy edges', () => {
  it('answers 502 problem+json for an unreachable target and records nothing', async () => {
    const harPath = join(tempDir(), 'down.har');
    const errors: Error[] = [];
    const proxy = await startProxy({ target: `http://127.0.0.1:${await closedPort()}`, harPath, onError: (_req, error) => errors.push(error) });
    const answer = await send(proxy.url, { method: 'GET', path: '/v1/apps' });
    expect(answer.status).toBe(502);
    expect(answer.headers['content-type']).toBe('application/problem+json');
    const problem = JSON.parse(answer.body.toString()) as Record<string, unknown>;
    expect(problem).toMatchObject({ status: 502, title: 'Bad Gateway', code: 'upstream_unreachable', instance: '/v1/apps' });
    expect(errors).toHaveLength(1);
    expect(loadHar(harPath).log.entries).toHaveLength(0);
  });

  it('refuses request bodies over the cap with 413 and records nothing', async () => {
    const target = await serveTarget((_req, res) => sendJson(res, 200, {}));
    const harPath = join(tempDir(), 'big.har');
    const proxy = await startProxy({ target: target.url, harPath, maxRequestBytes: 1000 });
    const answer = await send(proxy.url, { method: 'POST', path: '/upload', body: Buffer.alloc(5000, 1) });
    expect(answer.status).toBe(413);
    expect(target.seen).toHaveLength(0);
    expect(loadHar(harPath).log.entries).toHaveLength(0);
  });

  it('reports each stored exchange redacted, and forwards the real headers with the target host', async () => {
    const target = await serveTarget((_req, res) => sendJson(res, 200, { ok: true }));
    const harPath = join(tempDir(), 'seen.har');
    const reported: RequestFacts[] = [];
    const proxy = await startProxy({ target: target.url, harPath, onExchange: (req) => reported.push(req) });
    await send(proxy.url, { method: 'GET', path: '/v1/apps', headers: { 'x-api-key': 'abcdefgh-key' } });
    expect(reported[0]!.headers['x-api-key']).toBe('[REDACTED]');
    expect(target.seen[0]!.headers.host).toBe(new URL(target.url).host);
    expect(target.seen[0]!.headers['x-api-key']).toBe('abcdefgh-key');
  });

  it('records a truncated response body past the cap but still streams it whole to the client', async () => {
    const big = Buffer.from('z'.repeat(5000));
    const target = await serveTarget((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end(big);
    });
    const harPath = join(tempDir(), 'cut.har');
    const proxy = await startProxy({ target: target.url, harPath, maxBodyBytes: 1024 });
    const answer = await send(proxy.url, { method: 'GET', path: '/big' });
    expect(answer.body.equals(big)).toBe(true);
    const content = loadHar(harPath).log.entries[0]!.response.content;
    expect(content.text).toHaveLength(1024);
    expect(content.size).toBe(5000);
    expect(content._truncated).toEqual({ originalSize: 5000 });
    expect(content.comment).toMatch(/truncated: 1024 of 5000 bytes/);
  });
});
