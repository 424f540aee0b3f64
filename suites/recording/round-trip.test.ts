import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import validator from 'har-validator';
import { describe, expect, it } from 'vitest';
import type { RequestFacts } from '../../src/core/index.js';
import { createPlayer, loadHar } from '../../src/recording/index.js';
import { send, startProxy } from './helpers/record.js';
import type { Outgoing, Received } from './helpers/record.js';
import { sendJson, serveTarget } from './helpers/target-server.js';
import { tempDir } from '../helpers/temp-dir.js';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff, 0xfe, 0x80]);
const LARGE = Buffer.from('x'.repeat(300_000));

function toFacts(outgoing: Outgoing): RequestFacts {
  const [path, query = ''] = outgoing.path.split('?') as [string, string?];
  const headers = Object.fromEntries(Object.entries(outgoing.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
  const facts: RequestFacts = { method: outgoing.method, path, query, headers };
  if (outgoing.body !== undefined) facts.body = Buffer.from(outgoing.body);
  return facts;
}

describe('record through the proxy, then play back', () => {
  it('answers every recorded request with byte-identical status and body', async () => {
    let counter = 0;
    const target = await serveTarget((req, res) => {
      if (req.url.startsWith('/v1/apps') && req.method === 'POST') {
        counter += 1;
        return sendJson(res, 201, { id: `app_${counter}`, echo: JSON.parse(req.body.toString()) });
      }
      if (req.url === '/v1/apps?search=demo&include_archived=true') return sendJson(res, 200, { data: [{ id: 'app_1' }] });
      if (req.url === '/logo.png') {
        res.writeHead(200, { 'content-type': 'image/png' });
        return res.end(PNG);
      }
      if (req.url === '/large') {
        res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
        return res.end(LARGE);
      }
      if (req.method === 'DELETE') {
        res.writeHead(204);
        return res.end();
      }
      sendJson(res, 404, { title: 'Not Found', status: 404 }, { 'content-type': 'application/problem+json' });
    });
    const harPath = join(tempDir(), 'recording.har');
    const proxy = await startProxy({ target: target.url, harPath });

    const requests: Outgoing[] = [
      { method: 'POST', path: '/v1/apps', headers: { 'content-type': 'application/json' }, body: '{"name":"a","harness_id":"h"}' },
      { method: 'POST', path: '/v1/apps', headers: { 'content-type': 'application/json' }, body: '{"name":"a","harness_id":"h"}' },
      { method: 'GET', path: '/v1/apps?search=demo&include_archived=true' },
      { method: 'GET', path: '/logo.png' },
      { method: 'GET', path: '/large' },
      { method: 'DELETE', path: '/v1/apps/app_1' },
      { method: 'GET', path: '/missing' },
    ];
    const live: Received[] = [];
    for (const outgoing of requests) live.push(await send(proxy.url, outgoing));
    expect(live.map((r) => r.status)).toEqual([201, 201, 200, 200, 200, 204, 404]);
    expect(live[3]!.body.equals(PNG)).toBe(true);

    const har = loadHar(harPath);
    expect(har.log.entries).toHaveLength(requests.length);
    await expect(validator.har(JSON.parse(readFileSync(harPath, 'utf8')))).resolves.toBeTruthy();
    expect(har.log.entries[3]!.response.content.encoding).toBe('base64');

    const player = createPlayer(har);
    requests.forEach((outgoing, i) => {
      const played = player.match(toFacts(outgoing));
      expect(played, `${outgoing.method} ${outgoing.path}`).toBeDefined();
      expect(played!.status).toBe(live[i]!.status);
      expect(played!.body.equals(live[i]!.body), `${outgoing.method} ${outgoing.path} body`).toBe(true);
    });
  });
});
