import { connect } from 'node:net';
import fc from 'fast-check';
import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import type { MockServer } from '../../src/mock/index.js';
import type { Operation } from '../../src/openapi/index.js';
import { loadAppsSpec, serveApps } from '../helpers/serve.js';
import { HARNESS } from '../helpers/apps-ids.js';

/**
 * Properties over hostile traffic: whatever arrives, the mock never answers 5xx, never dies, and
 * every 4xx it writes is problem+json whose `status` equals the HTTP status.
 */

const SEED = Number(process.env.FC_SEED ?? 20_251_125);
const NUM_RUNS = Number(process.env.FC_NUM_RUNS ?? 200);
const TOKEN = 'fuzz-token';

interface Fixture {
  server: MockServer;
  appId: string;
  channelId: string;
}

/** A published app with a webhook channel, so random paths can reach real resources too. */
async function startFixture(): Promise<Fixture> {
  const server = await serveApps();
  const created = await request(`${server.url}/v1/apps`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Fuzz target', harness_id: HARNESS, channel_type: 'webhook', channel_config: { token: TOKEN, message: '{{ payload }}' } }),
  });
  expect(created.statusCode).toBe(201);
  const app = (await created.body.json()) as { id: string; channels: Array<{ id: string }> };
  const published = await request(`${server.url}/v1/apps/${app.id}/publish`, { method: 'POST' });
  expect(published.statusCode).toBe(200);
  await published.body.dump();
  return { server, appId: app.id, channelId: app.channels[0]!.id };
}

/** The mock answers a health request and still holds the fixture's app. */
async function expectAlive(fixture: Fixture): Promise<void> {
  const health = await request(`${fixture.server.url}/__mock/health`);
  expect(health.statusCode).toBe(200);
  await health.body.dump();
  const app = await request(`${fixture.server.url}/v1/apps/${fixture.appId}`);
  expect(app.statusCode).toBe(200);
  await app.body.dump();
}

/** A problem or a success; a 5xx only where the request asked for it (`Prefer: code=500` answers the declared 500). */
function expectProblemOrSuccess(status: number, contentType: string | undefined, body: string, method: string, askedFor?: number): void {
  if (status !== askedFor) expect(status, `5xx answer: ${body}`).toBeLessThan(500);
  if (status < 400) return;
  expect(contentType).toMatch(/^application\/problem\+json/);
  if (method === 'HEAD') return;
  const problem = JSON.parse(body) as { status: unknown; title: unknown };
  expect(problem.status).toBe(status);
  expect(typeof problem.title).toBe('string');
}

/** Writes bytes, half-closes, and returns the status line, content type and body of whatever came back. */
function rawExchange(port: number, bytes: Uint8Array): Promise<{ status: number | undefined; contentType: string | undefined; body: string }> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const finish = () => {
      clearTimeout(timer);
      socket.destroy();
      const text = Buffer.concat(chunks).toString('latin1');
      const end = text.indexOf('\r\n\r\n');
      const head = end < 0 ? text : text.slice(0, end);
      const status = /^HTTP\/1\.[01] (\d{3})/.exec(head)?.[1];
      const contentType = /\r\ncontent-type:\s*([^\r\n]*)/i.exec(head)?.[1];
      resolve({ status: status === undefined ? undefined : Number(status), contentType, body: end < 0 ? '' : Buffer.concat(chunks).subarray(end + 4).toString('utf8') });
    };
    const timer = setTimeout(finish, 2_000);
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('close', finish);
    socket.on('error', finish);
    socket.on('connect', () => socket.end(bytes));
  });
}

/** Only the first response on the connection matters here: later pipelined ones are parsed by the same rules. */
function firstBody(body: string): string {
  return body.split(/\r\nHTTP\/1\.[01] /)[0] ?? body;
}

const REQUEST_PREFIXES = [
  '',
  'GET / HTTP/1.1\r\n',
  'POST /v1/apps HTTP/1.1\r\nhost: x\r\n',
  'POST /v1/apps HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: 20\r\n\r\n',
  'PATCH /v1/apps/app_0193a3b5c0de7000800000000000abcd HTTP/1.1\r\nhost: x\r\ntransfer-encoding: chunked\r\n\r\n',
  'GET /v1/apps/',
];

describe(`hostile fuzz against the Apps mock (seed ${SEED}, ${NUM_RUNS} runs)`, () => {
  it('answers random bytes on a raw socket with a 4xx problem or a closed connection, never a 5xx', async () => {
    const fixture = await startFixture();
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 600 }),
      fc.tuple(fc.constantFrom(...REQUEST_PREFIXES), fc.uint8Array({ maxLength: 300 })).map(([prefix, tail]) => Buffer.concat([Buffer.from(prefix, 'latin1'), tail])),
    );
    await fc.assert(
      fc.asyncProperty(bytes, async (input) => {
        const answer = await rawExchange(fixture.server.port, input);
        if (answer.status !== undefined) {
          const method = Buffer.from(input).toString('latin1').split(' ')[0] ?? '';
          expectProblemOrSuccess(answer.status, answer.contentType, firstBody(answer.body), method);
        }
        await expectAlive(fixture);
      }),
      { seed: SEED, numRuns: NUM_RUNS },
    );
  });

  it('answers well-formed but wrong requests on every route with a problem, never a 5xx', async () => {
    const fixture = await startFixture();
    const spec = await loadAppsSpec();
    const segment = fc.oneof(
      fc.constantFrom(fixture.appId, fixture.channelId, 'app_0193a3b5c0de7000800000000000abcd', 'appchan_', 'app_XYZ', '', '..', '%2F', '%00', '%E0%A4%A'),
      fc.string({ maxLength: 40 }).map(encodeURIComponent),
      fc.stringMatching(/^[a-z]{1,8}_[0-9a-f]{28,36}$/),
    );
    const anyMethod = fc.constantFrom('GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'TRACE', 'PROPFIND');
    // Mostly the operation's own method, so most requests get past routing into validation and the model.
    const target = fc.constantFrom(...spec.operations).chain((operation) =>
      fc.tuple(
        fc.oneof({ weight: 3, arbitrary: fc.constant(operation.method) }, { weight: 1, arbitrary: anyMethod }),
        fc.array(segment, { minLength: 2, maxLength: 2 }).map((values) => fillTemplate(operation, values)),
      ),
    );
    const queryValue = fc.oneof(fc.constantFrom('24h', '0h', '31d', 'hour', 'day', 'true', 'false', '-1', '1e400', ''), fc.string({ maxLength: 12 }));
    const query = fc.dictionary(fc.constantFrom('window', 'groupBy', 'search', 'include_archived', 'limit', '__proto__', 'x'), queryValue, { maxKeys: 3 });
    const headerValue = fc.stringMatching(/^[\x20-\x7e]{0,40}$/).map((value) => value.trim());
    const headers = fc.record(
      {
        'content-type': fc.constantFrom(
          'application/json',
          'application/json; charset=utf-8',
          'application/problem+json',
          'application/vnd.api+json',
          'text/plain',
          'application/octet-stream',
          'application/x-www-form-urlencoded',
          'multipart/form-data; boundary=x',
          '*/*',
          'application/json; charset=latin1',
          'nonsense',
        ),
        accept: fc.constantFrom('application/json', 'application/problem+json', 'text/html', 'image/png;q=0', '*/*', 'application/*;q=0.1'),
        authorization: fc.oneof(headerValue, fc.constant(`Bearer ${TOKEN}`)),
        'x-everruns-webhook-token': fc.oneof(headerValue, fc.constant(TOKEN)),
        prefer: fc.constantFrom('code=500', 'code=200', 'example=nope', 'dynamic=true', 'code=abc'),
        'x-random': headerValue,
      },
      { requiredKeys: [] },
    );
    const body = fc.oneof(
      fc.constant(undefined),
      fc.jsonValue({ maxDepth: 4 }).map((value) => JSON.stringify(value)),
      fc.record({ name: fc.jsonValue({ maxDepth: 1 }), harness_id: fc.oneof(fc.constant(HARNESS), fc.string()), channel_type: fc.string(), channel_config: fc.jsonValue({ maxDepth: 2 }) }, { requiredKeys: [] }).map((value) => JSON.stringify(value)),
      fc.string({ maxLength: 80 }),
      fc.uint8Array({ maxLength: 80 }).map((bytes) => Buffer.from(bytes)),
    );
    await fc.assert(
      fc.asyncProperty(target, query, headers, body, async ([verb, path], params, sent, payload) => {
        const search = new URLSearchParams(params).toString();
        const response = await request(`${fixture.server.url}${path}${search ? `?${search}` : ''}`, {
          method: verb,
          headers: sent,
          body: verb === 'GET' || verb === 'HEAD' ? undefined : payload,
        });
        const text = await response.body.text();
        const contentType = response.headers['content-type'];
        const askedFor = sent.prefer === 'code=500' ? 500 : undefined;
        expectProblemOrSuccess(response.statusCode, typeof contentType === 'string' ? contentType : undefined, text, verb, askedFor);
        await expectAlive(fixture);
      }),
      { seed: SEED, numRuns: NUM_RUNS },
    );
  });
});

/** The operation's path template with each `{param}` replaced by the next random segment. */
function fillTemplate(operation: Operation, values: string[]): string {
  let index = 0;
  return operation.path.replace(/\{[^}]+\}/g, () => values[index++ % values.length] ?? '');
}
