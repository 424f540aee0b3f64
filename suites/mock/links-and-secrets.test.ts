import { createServer, request as forward } from 'node:http';
import { resolve } from 'node:path';
import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import { startCli } from '../helpers/cli-process.js';
import { listenForTest } from '../helpers/listen.js';
import { documentWith, inlineSpec } from '../helpers/inline-spec.js';
import { serveApps, serveDocument, serveStateless } from '../helpers/serve.js';
import { exchangeRaw } from './raw-http.js';

/**
 * Links a client can follow from where it stands (behind a proxy, through a mapped port), and
 * secrets kept out of the log and the administration endpoints.
 */

const HARNESS = 'harness_0193a3b5c0de7000800000000000abcd';
const PETSTORE = resolve(import.meta.dirname, '../../node_modules/@readme/oas-examples/3.0/json/petstore.json');

function createApp(headers: Record<string, string>, body: object = { name: 'Linked', harness_id: HARNESS }): string {
  const text = JSON.stringify(body);
  const lines = ['POST /v1/apps HTTP/1.1', 'content-type: application/json', `content-length: ${Buffer.byteLength(text)}`, 'connection: close'];
  for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`);
  return `${lines.join('\r\n')}\r\n\r\n${text}`;
}

async function selfUrl(port: number, headers: Record<string, string>): Promise<string> {
  const { responses } = await exchangeRaw(port, createApp(headers), { expected: 1 });
  expect(responses[0]?.status).toBe(201);
  return JSON.parse(responses[0]!.body).self_url as string;
}

describe('links follow the origin the client reached', () => {
  it('builds self_url from Host, X-Forwarded-* and Forwarded when no --base-url is set', async () => {
    const server = await serveApps();
    expect(await selfUrl(server.port, { host: 'api.example.test:8443' })).toMatch(/^http:\/\/api\.example\.test:8443\/v1\/apps\/app_[0-9a-f]{32}$/);
    expect(await selfUrl(server.port, { host: 'inner:4010', 'x-forwarded-host': 'public.example.test', 'x-forwarded-proto': 'https' })).toMatch(
      /^https:\/\/public\.example\.test\/v1\/apps\//,
    );
    expect(await selfUrl(server.port, { host: 'inner', forwarded: 'for=192.0.2.60;proto=https;host="edge.example.test:9443", for=10.0.0.1' })).toMatch(
      /^https:\/\/edge\.example\.test:9443\/v1\/apps\//,
    );
    expect(await selfUrl(server.port, { host: '[::1]:4010' })).toMatch(/^http:\/\/\[::1\]:4010\/v1\/apps\//);
  });

  it('hands out links to the proxy when reached through a plain forwarding proxy (they named the mock\'s port)', async () => {
    const mock = await serveApps();
    // Forwards every request as it came, Host included, the way a plain reverse proxy does.
    const proxy = createServer((req, res) => {
      const upstream = forward({ host: '127.0.0.1', port: mock.port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      req.pipe(upstream);
    });
    const proxyUrl = await listenForTest(proxy);
    const created = await request(`${proxyUrl}/v1/apps`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Proxied', harness_id: HARNESS }),
    });
    const app = (await created.body.json()) as { self_url: string; allowed_actions: Array<{ href: string }> };
    expect(app.self_url.startsWith(`${proxyUrl}/v1/apps/`)).toBe(true);
    for (const action of app.allowed_actions) expect(action.href.startsWith(proxyUrl)).toBe(true);
    const followed = await request(app.self_url);
    expect(followed.statusCode).toBe(200);
    await followed.body.dump();
  });

  it('gives each reader the links of its own origin, also for a cached read', async () => {
    const server = await serveApps();
    const created = await selfUrl(server.port, { host: 'a.example.test' });
    const id = created.split('/').pop()!;
    for (const host of ['a.example.test', 'b.example.test:81', 'a.example.test']) {
      const { responses } = await exchangeRaw(server.port, `GET /v1/apps/${id} HTTP/1.1\r\nhost: ${host}\r\nconnection: close\r\n\r\n`, { expected: 1 });
      expect(JSON.parse(responses[0]!.body).self_url).toBe(`http://${host}/v1/apps/${id}`);
    }
  });

  it('falls back to the listening address for a hostile or malformed Host, never injecting it', async () => {
    const server = await serveApps();
    const hostile: Array<Record<string, string>> = [
      { host: 'evil.example/#' },
      { host: 'evil.example"><script>' },
      { host: 'a..b@evil.example' },
      { host: 'example.test:99999' },
      { host: '[::1' },
      { host: 'ok.test', 'x-forwarded-proto': 'javascript' },
      { host: 'ok.test', 'x-forwarded-host': 'bad host' },
      { host: 'ok.test', forwarded: 'host=evil.example/x' },
    ];
    for (const headers of hostile) {
      expect(await selfUrl(server.port, headers), JSON.stringify(headers)).toMatch(new RegExp(`^${server.url.replace(/[.[\]]/g, '\\$&')}/v1/apps/`));
    }
  });

  it('keeps --base-url fixed whatever the Host says', async () => {
    const server = await serveApps({ baseUrl: 'https://fixed.example.test/api' }, { baseUrl: 'https://fixed.example.test/api' });
    expect(await selfUrl(server.port, { host: 'elsewhere.test' })).toMatch(/^https:\/\/fixed\.example\.test\/api\/v1\/apps\//);
  });
});

const ITEM = {
  type: 'object',
  required: ['id', 'self_url'],
  properties: {
    id: { type: 'string', example: 'item_sample' },
    name: { type: 'string' },
    self_url: { type: 'string', format: 'uri', example: 'https://api.example.com/items/item_sample' },
    _links: { type: 'object', properties: { self: { type: 'object', properties: { href: { type: 'string', format: 'uri-reference' } } } } },
  },
};
const ok = (schema: unknown, examples?: Record<string, unknown>) => ({
  description: 'ok',
  content: { 'application/json': { schema, ...(examples ? { examples } : {}) } },
});
const itemId = { name: 'item_id', in: 'path', required: true, schema: { type: 'string' } };

/** Items (a collection), a featured item beside them, a pinned link the document fixes, and an action answering another kind. */
function linkedDocument() {
  return documentWith(
    '3.1.0',
    {
      '/items': { post: { operationId: 'create_item', responses: { '201': ok({ $ref: '#/components/schemas/Item' }) } } },
      '/items/{item_id}': {
        parameters: [itemId],
        get: {
          operationId: 'get_item',
          responses: { '200': ok({ $ref: '#/components/schemas/Item' }, { fixed: { value: { id: 'item_fixed', self_url: 'https://docs.example.com/items/item_fixed' } } }) },
        },
      },
      '/items/featured': { get: { operationId: 'featured_item', responses: { '200': ok({ $ref: '#/components/schemas/Item' }) } } },
      '/items/{item_id}/receipt': {
        parameters: [itemId],
        post: {
          operationId: 'receipt',
          responses: { '200': ok({ type: 'object', properties: { total: { type: 'integer' }, self_url: { type: 'string', format: 'uri' } } }) },
        },
      },
      '/pinned': {
        get: {
          operationId: 'pinned',
          responses: { '200': ok({ type: 'object', properties: { self_url: { type: 'string', pattern: '^https://pinned\\.example\\.com/' } } }) },
        },
      },
    },
    { Item: ITEM },
  );
}

async function getJson(url: string, headers: Record<string, string> = {}, method = 'GET'): Promise<{ status: number; body: any }> {
  const response = await request(url, { method: method as 'GET', headers });
  return { status: response.statusCode, body: await response.body.json() };
}

describe('answers made without state link to their resource on the origin the client reached', () => {
  it('on an item route, the request\'s own path, on every origin and through a forwarding Host, also for a cached answer', async () => {
    const server = await serveStateless(await inlineSpec(linkedDocument()));
    const first = await getJson(`${server.url}/items/a%20b`);
    // The declared example is the answer, its link moved to where the client is.
    expect(first).toMatchObject({ status: 200, body: { id: 'item_fixed', self_url: `${server.url}/items/a%20b` } });
    expect((await getJson(`${server.url}/items/other`)).body.self_url).toBe(`${server.url}/items/other`);
    const forwarded = await getJson(`${server.url}/items/a%20b`, { 'x-forwarded-host': 'public.example.test', 'x-forwarded-proto': 'https' });
    expect(forwarded.body.self_url).toBe('https://public.example.test/items/a%20b');
    // A hostile Host is ignored for the listening address, as for any link the mock builds.
    expect((await getJson(`${server.url}/items/a%20b`, { 'x-forwarded-host': 'evil.example"><script>' })).body.self_url).toBe(
      `${server.url}/items/a%20b`,
    );
    // A URI reference gets the path alone; a dynamic answer is linked as a static one is.
    expect(first.body._links).toEqual({ self: { href: '/items/a%20b' } });
    expect((await getJson(`${server.url}/items/x`, { prefer: 'dynamic=true' })).body.self_url).toBe(`${server.url}/items/x`);
  });

  it('keeps a named example as the document wrote it, and a link the document constrains elsewhere', async () => {
    const server = await serveStateless(await inlineSpec(linkedDocument()));
    expect((await getJson(`${server.url}/items/x`, { prefer: 'example=fixed' })).body.self_url).toBe('https://docs.example.com/items/item_fixed');
    // The linked value would break the pattern, and every answer validates against the document.
    expect((await getJson(`${server.url}/pinned`)).body.self_url).toMatch(/^https:\/\/pinned\.example\.com\//);
  });

  it('names an item by the id it carries where the inferred resources hold that kind, and the request path otherwise', async () => {
    const spec = await inlineSpec(linkedDocument());
    // Stateless, nothing holds the item: only an item route's answer is linked (to itself).
    const stateless = await serveStateless(spec);
    expect((await getJson(`${stateless.url}/items/featured`)).body.self_url).toBe('https://api.example.com/items/item_sample');
    expect((await getJson(`${stateless.url}/items`, {}, 'POST')).body.self_url).toBe('https://api.example.com/items/item_sample');
    const stateful = await serveDocument(spec);
    const featured = await getJson(`${stateful.url}/items/featured`);
    expect(featured.body.self_url).toBe(`${stateful.url}/items/item_sample`);
    // An action's answer the engine synthesizes links to the request's path, on the request's origin.
    const created = await getJson(`${stateful.url}/items`, {}, 'POST');
    expect(created.status).toBe(201);
    const receipt = await getJson(`${stateful.url}/items/${created.body.id}/receipt`, { host: 'shop.example.test' }, 'POST');
    expect(receipt).toMatchObject({ status: 200, body: { self_url: `http://shop.example.test/items/${created.body.id}/receipt` } });
  });
});

describe('secrets stay out of the log and the administration endpoints', () => {
  it('masks secret-looking query values in the request log', async () => {
    const lines: string[] = [];
    const server = await serveApps({}, { log: (line) => lines.push(line) });
    const response = await request(`${server.url}/v1/apps?search=plain&token=s3cret-token&api_key=k3y&key=g00gle&X-Amz-Signature=sig4&password=pw`);
    await response.body.dump();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('search=plain');
    for (const name of ['token', 'api_key', 'key', 'X-Amz-Signature', 'password']) expect(lines[0]).toContain(`${name}=[REDACTED]`);
    for (const secret of ['s3cret-token', 'k3y', 'g00gle', 'sig4', '=pw']) expect(lines[0]).not.toContain(secret);
  });

  it('puts /__mock/* behind the API key when one is set', async () => {
    const server = await serveApps({ apiKey: 'admin-key-123' }, { apiKey: 'admin-key-123' });
    for (const [method, path] of [['GET', '/__mock/state'], ['POST', '/__mock/reset'], ['GET', '/__mock/health']] as const) {
      for (const authorization of [undefined, 'Bearer wrong', 'admin-key-123']) {
        const response = await request(`${server.url}${path}`, { method, headers: authorization ? { authorization } : {} });
        expect(response.statusCode, `${method} ${path} ${authorization}`).toBe(401);
        expect(response.headers['www-authenticate']).toMatch(/^Bearer /);
        expect(((await response.body.json()) as { code: string }).code).toBe('unauthorized');
      }
      const allowed = await request(`${server.url}${path}`, { method, headers: { authorization: 'Bearer admin-key-123' } });
      expect(allowed.statusCode).toBeLessThan(300);
      await allowed.body.dump();
    }
  });

  it('shows channel secrets in /__mock/state only as "configured"', async () => {
    const server = await serveApps();
    const created = await request(`${server.url}/v1/apps`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Secretive', harness_id: HARNESS, channel_type: 'webhook', channel_config: { token: 'whk_very_secret_value', message: 'x' } }),
    });
    expect(created.statusCode).toBe(201);
    await created.body.dump();
    const state = await request(`${server.url}/__mock/state`);
    const text = await state.body.text();
    expect(text).not.toContain('whk_very_secret_value');
    const channel = (JSON.parse(text) as { apps: Array<{ channels: Array<{ channel_config: Record<string, unknown> }> }> }).apps[0]!.channels[0]!;
    expect(channel.channel_config).toMatchObject({ token_configured: true, message: 'x' });
  });
});

describe('the CLI wires these up', () => {
  it('enforces security by default and drops it with --no-security', async () => {
    // Stateless, so that pet 1 exists without being created first.
    const enforced = await startCli(['mock', '--spec', PETSTORE, '--port', '0', '--quiet', '--stateless']);
    const refused = await request(`${enforced.url}/pet/1`);
    expect(refused.statusCode).toBe(401);
    await refused.body.dump();
    await enforced.stop();
    const open = await startCli(['mock', '--spec', PETSTORE, '--port', '0', '--quiet', '--stateless', '--no-security']);
    const served = await request(`${open.url}/pet/1`);
    expect(served.statusCode).toBe(200);
    await served.body.dump();
    await open.stop();
  });

  it('guards /__mock/* with --api-key and masks secrets in its log', async () => {
    const cli = await startCli(['mock', '--port', '0', '--api-key', 'cli-key-42']);
    const state = await request(`${cli.url}/__mock/state`);
    expect(state.statusCode).toBe(401);
    await state.body.dump();
    const listed = await request(`${cli.url}/v1/apps?access_token=tok-99`, { headers: { authorization: 'Bearer cli-key-42' } });
    expect(listed.statusCode).toBe(200);
    await listed.body.dump();
    await cli.stop();
    expect(cli.stdout()).toContain('access_token=[REDACTED]');
    expect(cli.stdout()).not.toContain('tok-99');
  });
});
