import { request } from 'undici';
import { describe, expect, it, onTestFinished } from 'vitest';
import { startMock, type MockHandle, type StartMockOptions } from '../../src/api/index.js';
import { createMockServer, type LayerAnswer, type StatefulLayer } from '../../src/mock/index.js';
import { HARNESS } from '../helpers/apps-ids.js';
import { documentWith, inlineSpec } from '../helpers/inline-spec.js';

/**
 * A repeated GET is answered from the bytes kept for it while no layer's state has changed (kept
 * once the request repeats). Every case reads the same request at least twice before something that
 * must change its answer, so the read after it would come from what was kept if the kept answer
 * outlived the change.
 */

async function mockFor(options: StartMockOptions = {}): Promise<MockHandle> {
  const mock = await startMock({ runDurationMs: 0, dashboard: false, ...options });
  onTestFinished(() => mock.close());
  return mock;
}

async function get(url: string, headers: Record<string, string> = {}) {
  const response = await request(url, { headers });
  const text = await response.body.text();
  return { status: response.statusCode, text, body: text ? JSON.parse(text) : undefined };
}

async function send(url: string, method: 'POST' | 'PATCH' | 'PUT' | 'DELETE', body?: unknown, headers: Record<string, string> = {}) {
  const response = await request(url, {
    method,
    headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.body.text();
  return { status: response.statusCode, body: text ? JSON.parse(text) : undefined };
}

async function createdApp(mock: MockHandle, headers: Record<string, string> = {}, extra: object = {}): Promise<string> {
  const created = await send(`${mock.url}/v1/apps`, 'POST', { name: 'Polled', harness_id: HARNESS, ...extra }, headers);
  expect(created.status).toBe(201);
  return created.body.id as string;
}

describe('answer reuse on the Apps layer', () => {
  it('answers a change on the very next read, after reads that were kept', async () => {
    const mock = await mockFor();
    const id = await createdApp(mock);
    const url = `${mock.url}/v1/apps/${id}`;
    const first = await get(url);
    expect((await get(url)).text).toBe(first.text);
    expect((await send(url, 'PATCH', { description: 'Second' })).status).toBe(200);
    expect((await get(url)).body.description).toBe('Second');
    expect((await get(`${mock.url}/v1/apps`)).body.data.map((app: { description: string }) => app.description)).toEqual(['Second']);
    await send(url, 'PATCH', { description: 'Third' });
    expect((await get(`${mock.url}/v1/apps`)).body.data[0].description).toBe('Third');
  });

  it('keeps apart requests that differ in a header: links on each origin, credentials judged each time', async () => {
    const mock = await mockFor({ apiKey: 'k1' });
    const auth = { authorization: 'Bearer k1' };
    const id = await createdApp(mock, auth);
    const url = `${mock.url}/v1/apps/${id}`;
    for (let round = 0; round < 2; round++) {
      expect((await get(url, auth)).body.self_url).toBe(url);
      expect((await get(url, { ...auth, 'x-forwarded-host': 'apps.example.test', 'x-forwarded-proto': 'https' })).body.self_url).toBe(
        `https://apps.example.test/v1/apps/${id}`,
      );
      expect((await get(url)).status).toBe(401);
      expect((await get(url, { authorization: 'Bearer wrong' })).status).toBe(401);
    }
  });

  it('forgets kept answers when the state is reset or replaced through /__mock/state', async () => {
    const mock = await mockFor();
    const id = await createdApp(mock, {}, { description: 'Before' });
    const url = `${mock.url}/v1/apps/${id}`;
    await get(url);
    expect((await get(url)).status).toBe(200);
    const snapshot = await get(`${mock.url}/__mock/state?secrets=include`);
    expect((await send(`${mock.url}/__mock/reset`, 'POST')).status).toBeLessThan(300);
    expect((await get(url)).status).toBe(404);
    expect((await get(url)).status).toBe(404);
    const restored = JSON.parse(snapshot.text.replace('"Before"', '"Restored"'));
    expect((await send(`${mock.url}/__mock/state`, 'PUT', restored)).status).toBeLessThan(300);
    expect((await get(url)).body.description).toBe('Restored');
  });

  it('journals every request answered again, under its operation', async () => {
    const mock = await mockFor();
    const id = await createdApp(mock);
    for (let i = 0; i < 4; i++) expect((await get(`${mock.url}/v1/apps/${id}`)).status).toBe(200);
    const journal = await get(`${mock.url}/__mock/requests?method=GET`);
    const entries = journal.body.requests ?? journal.body;
    expect(entries.filter((entry: { operation: string; status: number }) => entry.operation === 'get_app' && entry.status === 200)).toHaveLength(4);
  });

  it('never keeps an answer that moves with the clock: a run is seen to finish', async () => {
    const mock = await mockFor({ runDurationMs: 300 });
    const token = 'whk_reuse_secret';
    const id = await createdApp(mock, {}, { channel_type: 'webhook', channel_config: { token, message: 'Hi' } });
    const app = (await get(`${mock.url}/v1/apps/${id}`)).body;
    expect((await send(`${mock.url}/v1/apps/${id}/publish`, 'POST')).status).toBe(200);
    const webhook = await request(`${mock.url}/v1/apps/${id}/webhooks/${app.channels[0].id}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-everruns-webhook-token': token },
      body: '{}',
    });
    await webhook.body.text();
    expect(webhook.statusCode).toBe(202);
    const runs = `${mock.url}/v1/apps/${id}/runs`;
    expect((await get(runs)).body.data[0].status).toBe('running');
    expect((await get(runs)).body.data[0].status).toBe('running');
    await new Promise((resolve) => setTimeout(resolve, 450));
    expect((await get(runs)).body.data[0].status).not.toBe('running');
  });
});

describe('answer reuse on stateless answers', () => {
  it('sends a static answer again, each on the origin asked, and draws a dynamic one anew every time', async () => {
    const mock = await mockFor({ stateless: true });
    const url = `${mock.url}/v1/apps/app_0193a3b5c0de7000800000000000abcd`;
    const forwarded = { 'x-forwarded-host': 'apps.example.test', 'x-forwarded-proto': 'https' };
    for (let round = 0; round < 3; round++) {
      expect((await get(url)).body.self_url).toBe(url);
      expect((await get(url, forwarded)).body.self_url).toBe('https://apps.example.test/v1/apps/app_0193a3b5c0de7000800000000000abcd');
    }
    const drawn = new Set<string>();
    for (let i = 0; i < 5; i++) drawn.add((await get(url, { prefer: 'dynamic=true' })).text);
    expect(drawn.size).toBe(5);
  });
});

// Two layers of one server: `counter` counts POSTs, `reader` answers GETs with that count and calls
// its answers reusable. The reader's state never changes, so only the server-wide version can tell
// its kept answer is stale.
const DOCUMENT = documentWith('3.1.0', {
  '/count': {
    get: { operationId: 'read', responses: { '200': { description: 'the count', content: { 'application/json': { schema: { type: 'object' } } } } } },
    post: { operationId: 'bump', responses: { '204': { description: 'counted' } } },
  },
});

function layers(withVersion: boolean): StatefulLayer[] {
  let count = 0;
  let version = 0;
  let reads = 0;
  const base = { judgesRequests: false, exportState: () => ({}), stateMembers: [], prepareImport: () => () => undefined, reset: () => undefined, close: () => undefined };
  const counter: StatefulLayer = {
    ...base,
    handles: (operation) => operation.id === 'bump',
    get stateVersion() {
      return version;
    },
    handle: (): LayerAnswer => {
      count++;
      version++;
      return { status: 204 };
    },
  };
  const reader: StatefulLayer = {
    ...base,
    handles: (operation) => operation.id === 'read',
    ...(withVersion ? { stateVersion: 0 } : {}),
    handle: (): LayerAnswer => ({ status: 200, body: { count, reads: ++reads }, reusable: true }),
  };
  return [counter, reader];
}

async function serve(withVersion: boolean, document: object = DOCUMENT) {
  const server = await createMockServer({ spec: await inlineSpec(document), port: 0, layers: () => layers(withVersion) });
  onTestFinished(() => server.close());
  return server;
}

describe('answer reuse across layers', () => {
  it("drops every kept answer when any layer's state changes", async () => {
    const server = await serve(true);
    const read = async () => (await get(`${server.url}/count`)).body;
    // The first answer is not kept (a request is kept once it repeats); the second is, and answers the third.
    expect([await read(), await read(), await read()]).toEqual([
      { count: 0, reads: 1 },
      { count: 0, reads: 2 },
      { count: 0, reads: 2 },
    ]);
    expect((await send(`${server.url}/count`, 'POST')).status).toBe(204);
    expect(await read()).toEqual({ count: 1, reads: 3 });
    expect(await read()).toEqual({ count: 1, reads: 3 });
  });

  it('tells requests apart by everything but a trace id, unless the document gives that header a meaning', async () => {
    const server = await serve(true);
    const read = async (headers: Record<string, string>) => (await get(`${server.url}/count`, headers)).body.reads;
    // A tracing client sends new ids on every poll: after the second read the answer is the kept one.
    const traced = [];
    for (let i = 0; i < 4; i++) traced.push(await read({ traceparent: `00-${String(i).padStart(32, '0')}-00f067aa0ba902b7-01`, 'X-Request-ID': `r${i}` }));
    expect(traced).toEqual([1, 2, 2, 2]);
    // Any other header still tells requests apart: each new value is asked of the layer.
    expect([await read({ 'x-nonce': 'a' }), await read({ 'x-nonce': 'b' })]).toEqual([3, 4]);

    const declared = documentWith('3.1.0', {
      '/count': {
        get: {
          operationId: 'read',
          parameters: [{ name: 'X-Request-Id', in: 'header', schema: { type: 'string', pattern: '^r[0-9]+$' } }],
          responses: { '200': { description: 'the count', content: { 'application/json': { schema: { type: 'object' } } } } },
        },
        post: { operationId: 'bump', responses: { '204': { description: 'counted' } } },
      },
    });
    const strict = await serve(true, declared);
    const statuses = [];
    for (const id of ['r1', 'r2', 'r3', 'bad']) statuses.push((await get(`${strict.url}/count`, { 'x-request-id': id })).status);
    // The declared header is validated on every request, so a kept 200 never answers an invalid one.
    expect(statuses).toEqual([200, 200, 200, 400]);
  });

  it('asks the layers every time when one of them keeps no state version', async () => {
    const server = await serve(false);
    const reads = [];
    for (let i = 0; i < 3; i++) reads.push((await get(`${server.url}/count`)).body.reads);
    expect(reads).toEqual([1, 2, 3]);
  });
});
