import { describe, expect, it, onTestFinished } from 'vitest';
import { connect } from 'node:net';
import { RequestVerificationError, startMock, type MockHandle, type StartMockOptions } from '../../src/api/index.js';
import { HARNESS } from '../helpers/apps-ids.js';

async function mockFor(options: StartMockOptions = {}): Promise<MockHandle> {
  const mock = await startMock({ runDurationMs: 0, dashboard: false, ...options });
  onTestFinished(() => mock.close());
  return mock;
}

const createApp = (mock: MockHandle, name = 'Journalled') =>
  fetch(`${mock.url}/v1/apps`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name, harness_id: HARNESS }),
  });

type Listed = { requests: Array<{ id: number; method: string; path: string; status: number; operation: string | null }>; capacity: number };
const listed = async (mock: MockHandle, query = '') => (await (await fetch(`${mock.url}/__mock/requests${query}`)).json()) as Listed;

describe('the request journal: GET /__mock/requests', () => {
  it('keeps every API request with its method, path, query, headers, body, status, operation and time, and no administration request', async () => {
    const mock = await mockFor();
    await createApp(mock);
    await fetch(`${mock.url}/v1/apps?search=jour`);
    await fetch(`${mock.url}/nowhere`);
    await fetch(`${mock.url}/__mock/health`);
    const { requests, capacity } = (await (await fetch(`${mock.url}/__mock/requests`)).json()) as {
      requests: Array<Record<string, unknown>>;
      capacity: number;
    };
    expect(capacity).toBe(1000);
    expect(requests.map((entry) => [entry.method, entry.path, entry.status, entry.operation])).toEqual([
      ['POST', '/v1/apps', 201, 'create_app'],
      ['GET', '/v1/apps', 200, 'list_apps'],
      ['GET', '/nowhere', 404, null],
    ]);
    const sent = JSON.stringify({ name: 'Journalled', harness_id: HARNESS });
    expect(requests[0]).toMatchObject({
      id: 1,
      query: '',
      headers: { 'content-type': 'application/json' },
      body: sent,
      bodySize: Buffer.byteLength(sent),
    });
    expect(requests[1]).toMatchObject({ query: 'search=jour' });
    expect(requests[1]).not.toHaveProperty('body');
    expect(Date.parse(requests[0]!.at as string)).toBeGreaterThan(Date.now() - 60_000);
    expect(requests[0]!.durationMs).toEqual(expect.any(Number));
  });

  it.each([
    ['?method=post', [1]],
    ['?path=/v1/apps', [1, 2]],
    ['?pathPrefix=/v1/', [1, 2, 3]],
    ['?status=201', [1]],
    ['?status=4xx', [3, 4]],
    ['?operation=list_apps', [2]],
    ['?since=2', [3, 4]],
    ['?limit=2', [3, 4]],
    ['?method=GET&status=2xx', [2]],
  ])('filters with %s', async (query, ids) => {
    const mock = await mockFor();
    await createApp(mock);
    await fetch(`${mock.url}/v1/apps`);
    await fetch(`${mock.url}/v1/apps/app_123`);
    await fetch(`${mock.url}/nowhere`);
    expect((await listed(mock, query)).requests.map((entry) => entry.id)).toEqual(ids);
  });

  it('filters by an instant with since=', async () => {
    const mock = await mockFor();
    await fetch(`${mock.url}/v1/apps`);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const after = new Date().toISOString();
    // Arrival times are kept to the millisecond: the next request must arrive in a later one.
    await new Promise((resolve) => setTimeout(resolve, 5));
    await fetch(`${mock.url}/v1/apps`);
    expect((await listed(mock, `?since=${after}`)).requests.map((entry) => entry.id)).toEqual([2]);
  });

  it.each([
    ['?bogus=1', /unknown filter 'bogus'/],
    ['?status=teapot', /status must be a status code \(201\) or a class \(2xx\), got 'teapot'/],
    ['?since=yesterday', /since must be an entry id or an RFC 3339 instant, got 'yesterday'/],
    ['?limit=0', /limit must be a positive whole number, got '0'/],
  ])('refuses %s with a 400 problem', async (query, detail) => {
    const mock = await mockFor();
    const answer = await fetch(`${mock.url}/__mock/requests${query}`);
    expect(answer.status).toBe(400);
    expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(((await answer.json()) as { detail: string }).detail).toMatch(detail);
  });

  it('forgets everything with DELETE, and ids keep counting', async () => {
    const mock = await mockFor();
    await fetch(`${mock.url}/v1/apps`);
    expect((await fetch(`${mock.url}/__mock/requests`, { method: 'DELETE' })).status).toBe(204);
    expect((await listed(mock)).requests).toEqual([]);
    await fetch(`${mock.url}/v1/apps`);
    expect((await listed(mock)).requests.map((entry) => entry.id)).toEqual([2]);
  });

  it('is emptied with the state by POST /__mock/reset', async () => {
    const mock = await mockFor();
    await createApp(mock);
    await fetch(`${mock.url}/__mock/reset`, { method: 'POST' });
    expect((await listed(mock)).requests).toEqual([]);
    expect((mock.state() as { apps: unknown[] }).apps).toEqual([]);
  });

  it('keeps only the last journalSize requests', async () => {
    const mock = await mockFor({ journalSize: 3 });
    for (let i = 0; i < 5; i++) await fetch(`${mock.url}/v1/apps?page=${i}`);
    const { requests, capacity } = await listed(mock);
    expect(capacity).toBe(3);
    expect(requests.map((entry) => entry.id)).toEqual([3, 4, 5]);
    expect(requests.map((entry) => entry.path + '?' + (entry as { query?: string }).query)).toEqual([
      '/v1/apps?page=2',
      '/v1/apps?page=3',
      '/v1/apps?page=4',
    ]);
  });

  it('keeps nothing of a dropped entry in the one that takes its place', async () => {
    const mock = await mockFor({ journalSize: 1 });
    await createApp(mock);
    await fetch(`${mock.url}/v1/apps`, { headers: { 'x-second': 'yes' } });
    const [entry, ...rest] = mock.requests();
    expect(rest).toEqual([]);
    expect(entry).toMatchObject({ method: 'GET', path: '/v1/apps', operation: 'list_apps', status: 200 });
    expect(entry!.headers['x-second']).toBe('yes');
    expect(entry).not.toHaveProperty('body');
    expect(entry).not.toHaveProperty('bodySize');
  });

  it('gives back the target and headers byte for byte, through a slot a large request grew and a small one reuses', async () => {
    const mock = await mockFor({ journalSize: 1 });
    const { port } = new URL(mock.url);
    // Raw bytes: obs-text (RFC 9110 §5.5) in a value, and a repeated header.
    const raw = (target: string, headers: string) =>
      new Promise<void>((resolve, reject) => {
        const socket = connect(Number(port), '127.0.0.1', () => socket.end(Buffer.from(`GET ${target} HTTP/1.1\r\nhost: x\r\nconnection: close\r\n${headers}\r\n`, 'latin1')));
        socket.on('error', reject).on('close', () => resolve()).resume();
      });
    const long = 'v'.repeat(3000);
    await raw('/v1/apps?q=%C3%A9', `x-long: ${long}\r\nx-accent: caf\xe9\r\nx-dup: 1\r\nx-dup: 2\r\n`);
    const [large] = mock.requests();
    expect(large).toMatchObject({ path: '/v1/apps', query: 'q=%C3%A9', status: 200 });
    expect(large!.headers).toMatchObject({ 'x-long': long, 'x-accent': 'caf\xe9', 'x-dup': '1, 2', host: 'x' });
    await raw('/v1/apps', 'x-small: yes\r\n');
    const [small] = mock.requests();
    expect(small!.headers).toEqual({ host: 'x', connection: 'close', 'x-small': 'yes' });
    expect(small).toMatchObject({ path: '/v1/apps', query: '' });
    // The first entry, listed before the slot was refilled, is a copy and stays as it was.
    expect(large!.headers['x-long']).toBe(long);
  });

  it('keeps the first 64 KiB of a large body and says so, and a binary body as base64', async () => {
    const mock = await mockFor({
      spec: new URL('../../node_modules/@readme/oas-examples/3.0/json/petstore.json', import.meta.url).pathname,
      security: false,
    });
    const big = JSON.stringify({ name: 'x'.repeat(100_000), photoUrls: [] });
    await fetch(`${mock.url}/pet`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: big });
    await fetch(`${mock.url}/pet/1/uploadImage`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream' },
      body: Buffer.from([0xff, 0xfe, 0x00, 0x01]),
    });
    const accented = JSON.stringify({ name: 'Zoë 🐕 Ærø', photoUrls: [] });
    await fetch(`${mock.url}/pet`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: accented });
    const [large, binary, text] = mock.requests();
    // The bytes come back as they were sent: multi-byte UTF-8 intact.
    expect(text).toMatchObject({ body: accented, bodySize: Buffer.byteLength(accented) });
    expect(large).toMatchObject({ bodySize: Buffer.byteLength(big), bodyTruncated: true });
    expect(large!.body).toHaveLength(64 * 1024);
    expect(binary).toMatchObject({ body: Buffer.from([0xff, 0xfe, 0x00, 0x01]).toString('base64'), bodyEncoding: 'base64', bodySize: 4 });
    expect(binary).not.toHaveProperty('bodyTruncated');
  });

  it('is off with journalSize 0: 404 over HTTP, an error in the library', async () => {
    const mock = await mockFor({ journalSize: 0 });
    for (const method of ['GET', 'DELETE']) {
      const answer = await fetch(`${mock.url}/__mock/requests`, { method });
      expect(answer.status).toBe(404);
      expect(((await answer.json()) as { detail: string }).detail).toMatch(/journal is off/);
    }
    expect(() => mock.requests()).toThrow(/journal is off/);
  });

  it('demands the --api-key like every /__mock/* endpoint', async () => {
    const mock = await mockFor({ apiKey: 'journal-key' });
    expect((await fetch(`${mock.url}/__mock/requests`)).status).toBe(401);
    expect((await fetch(`${mock.url}/__mock/requests`, { headers: { authorization: 'Bearer journal-key' } })).status).toBe(200);
  });
});

describe('verification: mock.verify(filter, expected)', () => {
  it('returns the matching requests when the count holds: exactly N, at least, at most', async () => {
    const mock = await mockFor();
    await createApp(mock, 'One');
    await createApp(mock, 'Two');
    await fetch(`${mock.url}/v1/apps`);
    expect(mock.verify({ method: 'POST', path: '/v1/apps' }, 2).map((entry) => JSON.parse(entry.body!).name)).toEqual(['One', 'Two']);
    expect(mock.verify({ operation: 'list_apps' })).toHaveLength(1);
    expect(mock.verify({ status: '2xx' }, { atLeast: 2, atMost: 3 })).toHaveLength(3);
    expect(mock.verify({ method: 'DELETE' }, 0)).toEqual([]);
  });

  it('throws a RequestVerificationError that lists the journal when the count does not hold', async () => {
    const mock = await mockFor();
    await createApp(mock);
    let thrown: unknown;
    try {
      mock.verify({ method: 'POST', path: '/v1/apps' }, 2);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(RequestVerificationError);
    const error = thrown as RequestVerificationError;
    expect(error.matched).toHaveLength(1);
    expect(error.message).toBe(
      'expected exactly 2 requests matching {"method":"POST","path":"/v1/apps"}, received 1; the journal holds:\n  #1 POST /v1/apps → 201 (create_app)',
    );
    expect(() => mock.verify({ operation: 'get_app' })).toThrow(/expected at least 1 request matching \{"operation":"get_app"\}, received 0/);
    expect(() => mock.verify({ status: 'teapot' })).toThrow(/status must be a status code/);
  });
});
