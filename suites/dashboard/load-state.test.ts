import { readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { serveStateless, loadAppsSpec } from '../helpers/serve.js';
import { runLifecycle, serveDashboard } from './serve-dashboard.js';

/** PUT /__mock/state: the dashboard's load, checked as --load checks its file; a bad snapshot changes nothing. */

const DEMO = readFileSync(new URL('../../fixtures/demo.json', import.meta.url), 'utf8');

async function state(base: string): Promise<unknown> {
  return (await fetch(`${base}/__mock/state`)).json();
}

describe('PUT /__mock/state', () => {
  it('replaces the state with the snapshot, and an export loads back to the same state', async () => {
    const server = await serveDashboard();
    const put = await fetch(`${server.url}/__mock/state`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: DEMO });
    expect(put.status).toBe(204);
    const loaded = (await state(server.url)) as { apps: Array<{ id: string }> };
    expect(loaded.apps.map((app) => app.id)).toEqual((JSON.parse(DEMO) as { apps: Array<{ id: string }> }).apps.map((app) => app.id));
    const app = await fetch(`${server.url}/v1/apps/${loaded.apps[0]!.id}`);
    expect(app.status).toBe(200);

    await runLifecycle(server.url);
    const exported = await state(server.url);
    await fetch(`${server.url}/__mock/reset`, { method: 'POST' });
    expect((await fetch(`${server.url}/__mock/state`, { method: 'PUT', body: JSON.stringify(exported) })).status).toBe(204);
    expect(await state(server.url)).toEqual(exported);
  });

  it.each([
    ['no body', undefined, /send the snapshot/],
    ['not JSON', '{"version": 1, "apps": [', /not valid JSON/],
    ['not an object', '[1, 2]', /not a state snapshot/],
    ['another version', '{"version": 2, "apps": []}', /not a state snapshot/],
    ['apps not a list', '{"version": 1, "apps": {}}', /not a state snapshot/],
    ['null', 'null', /not a state snapshot/],
    ['a member no layer holds', '{"version": 1, "apps": [], "runs": [], "pets": []}', /members this mock does not hold: pets/],
  ])('answers 400 problem+json for %s and keeps the state', async (_name, body, detail) => {
    const server = await serveDashboard();
    await runLifecycle(server.url);
    const before = await state(server.url);
    const answer = await fetch(`${server.url}/__mock/state`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body }),
    });
    expect(answer.status).toBe(400);
    expect(answer.headers.get('content-type')).toBe('application/problem+json');
    const problem = (await answer.json()) as { status: number; detail: string; instance: string };
    expect(problem).toMatchObject({ status: 400, instance: '/__mock/state' });
    expect(problem.detail).toMatch(detail);
    expect(await state(server.url)).toEqual(before);
  });

  it('answers 413 for a snapshot over the limit, before its bytes arrive', async () => {
    const server = await serveDashboard();
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(server.port, '127.0.0.1', () => {
        socket.write(`PUT /__mock/state HTTP/1.1\r\nhost: x\r\ncontent-length: ${65 * 1024 * 1024}\r\n\r\n{`);
      });
      let text = '';
      socket.setEncoding('utf8');
      socket.on('data', (chunk: string) => {
        text += chunk;
        if (text.includes('\r\n\r\n')) {
          socket.destroy();
          resolve(text);
        }
      });
      socket.on('error', reject);
    });
    expect(answer).toMatch(/^HTTP\/1\.1 413 /);
    expect(answer).toMatch(/content-type: application\/problem\+json/i);
  });

  it('answers 400 on a stateless mock, which holds no state', async () => {
    const server = await serveStateless(await loadAppsSpec());
    const answer = await fetch(`${server.url}/__mock/state`, { method: 'PUT', body: DEMO });
    expect(answer.status).toBe(400);
    expect(((await answer.json()) as { detail: string }).detail).toMatch(/stateless/);
  });
});
