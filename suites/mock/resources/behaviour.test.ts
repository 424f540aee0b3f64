import { request } from 'undici';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LoadedSpec } from '../../../src/openapi/index.js';
import { documentWith, inlineSpec } from '../../helpers/inline-spec.js';
import { call, DOCUMENTS, loadDocument, serveResources } from './serve.js';

/**
 * What the inferred resources do, written from the contract (RFC 7396 merge, RFC 9110 PUT and
 * Location, the rules for lists and parents) and checked over real sockets on the
 * platform's document; the expected values are spelled out here, not computed by the model.
 */

const AGENT_ID = /^agent_[0-9a-f]{32}$/;
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;

describe("an agent's life on the platform's document", () => {
  let spec: LoadedSpec;
  beforeAll(async () => {
    spec = await loadDocument(DOCUMENTS.platform);
  });

  it('creates, reads, lists, merges a PATCH, replaces on PUT, deletes, then 404s', async () => {
    const { server } = await serveResources(spec);
    const url = server.url;
    const created = await call(url, 'POST', '/v1/agents', {
      name: 'Support',
      system_prompt: 'Be kind.',
      description: 'First line',
      tags: ['support'],
    });
    expect(created.status).toBe(201);
    const agent = created.body;
    expect(agent).toMatchObject({ name: 'Support', system_prompt: 'Be kind.', description: 'First line', tags: ['support'] });
    expect(agent.id).toMatch(AGENT_ID);
    expect(agent.created_at).toMatch(ISO);
    expect(agent.updated_at).toBe(agent.created_at);
    expect(agent.self_url).toBe(`${url}/v1/agents/${agent.id}`);

    expect((await call(url, 'GET', `/v1/agents/${agent.id}`)).body).toEqual(agent);
    const listed = await call(url, 'GET', '/v1/agents');
    expect(listed.body.data).toEqual([agent]);

    // RFC 7396: members sent change, `null` clears a nullable member, the rest stays.
    const patched = await call(url, 'PATCH', `/v1/agents/${agent.id}`, { description: null, name: 'Support 2' });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({
      id: agent.id,
      name: 'Support 2',
      description: null,
      system_prompt: 'Be kind.',
      tags: ['support'],
      created_at: agent.created_at,
    });
    expect(Date.parse(patched.body.updated_at)).toBeGreaterThanOrEqual(Date.parse(agent.updated_at));

    // PUT replaces what the client wrote: tags sent before and not now are gone from what it wrote.
    const replaced = await call(url, 'PUT', `/v1/agents/${agent.id}`, { name: 'Support 3', system_prompt: 'Be brief.' });
    expect(replaced.status).toBe(200);
    expect(replaced.body).toMatchObject({ id: agent.id, name: 'Support 3', system_prompt: 'Be brief.', created_at: agent.created_at });
    expect(replaced.body.description).not.toBe('First line');

    expect((await call(url, 'DELETE', `/v1/agents/${agent.id}`)).status).toBe(204);
    for (const [method, body] of [['GET'], ['PATCH', { name: 'ghost' }], ['DELETE']] as const) {
      const gone = await call(url, method, `/v1/agents/${agent.id}`, body);
      expect(gone.status, method).toBe(404);
      expect(gone.body).toMatchObject({ status: 404, code: 'resource_not_found' });
    }
    expect((await call(url, 'GET', '/v1/agents')).body.data).toEqual([]);
  });

  it('creates on a PUT of a missing id where the operation declares 201 (an upsert)', async () => {
    const { server } = await serveResources(spec);
    const id = 'agent_0123456789abcdef0123456789abcdef';
    const upserted = await call(server.url, 'PUT', `/v1/agents/${id}`, { name: 'Upserted', system_prompt: 'Hi.' });
    expect(upserted.status).toBe(201);
    expect(upserted.body).toMatchObject({ id, name: 'Upserted' });
    expect((await call(server.url, 'GET', `/v1/agents/${id}`)).body).toMatchObject({ id, name: 'Upserted' });
  });

  it('builds self links on the origin each request reached', async () => {
    const { server } = await serveResources(spec);
    const created = (await call(server.url, 'POST', '/v1/agents', { name: 'Linked', system_prompt: 'x' })).body;
    const proxied = await call(server.url, 'GET', `/v1/agents/${created.id}`, undefined, {
      'x-forwarded-host': 'api.example.test',
      'x-forwarded-proto': 'https',
    });
    expect(proxied.body.self_url).toBe(`https://api.example.test/v1/agents/${created.id}`);
    const forwarded = await call(server.url, 'GET', '/v1/agents', undefined, { forwarded: 'host=mock.internal:8080;proto=http' });
    expect(forwarded.body.data[0].self_url).toBe(`http://mock.internal:8080/v1/agents/${created.id}`);
    expect((await call(server.url, 'GET', `/v1/agents/${created.id}`)).body.self_url).toBe(`${server.url}/v1/agents/${created.id}`);
  });

  it('lists oldest first, a page at a time, filtered by search', async () => {
    const { server } = await serveResources(spec);
    const ids: string[] = [];
    for (const name of ['Alpha', 'Beta', 'Gamma', 'Alphabet'])
      ids.push((await call(server.url, 'POST', '/v1/agents', { name, system_prompt: 'x' })).body.id);
    const first = await call(server.url, 'GET', '/v1/agents?limit=2');
    expect(first.body.data.map((entry: { id: string }) => entry.id)).toEqual(ids.slice(0, 2));
    const second = await call(server.url, 'GET', '/v1/agents?limit=2&offset=2');
    expect(second.body.data.map((entry: { id: string }) => entry.id)).toEqual(ids.slice(2));
    const searched = await call(server.url, 'GET', '/v1/agents?search=alpha');
    expect(searched.body.data.map((entry: { name: string }) => entry.name)).toEqual(['Alpha', 'Alphabet']);
  });

  it("hides a session's messages once the session is deleted, and scopes them to their session", async () => {
    const { server } = await serveResources(spec);
    const message = { message: { role: 'user', content: [{ type: 'text', text: 'hello' }] } };
    const a = (await call(server.url, 'POST', '/v1/sessions', { title: 'A' })).body.id;
    const b = (await call(server.url, 'POST', '/v1/sessions', { title: 'B' })).body.id;
    const posted = await call(server.url, 'POST', `/v1/sessions/${a}/messages`, message);
    expect(posted.status).toBe(201);
    expect((await call(server.url, 'GET', `/v1/sessions/${a}/messages`)).body.data).toHaveLength(1);
    expect((await call(server.url, 'GET', `/v1/sessions/${b}/messages`)).body.data).toEqual([]);
    expect((await call(server.url, 'DELETE', `/v1/sessions/${a}`)).status).toBe(204);
    expect((await call(server.url, 'GET', `/v1/sessions/${a}/messages`)).status).toBe(404);
    expect((await call(server.url, 'POST', `/v1/sessions/${a}/messages`, message)).status).toBe(404);
    const state = (await call(server.url, 'GET', '/__mock/state')).body;
    expect(state.resources.records.map((record: { collection: string; id: string }) => `${record.collection} ${record.id}`)).toEqual([
      `sessions ${b}`,
    ]);
  });

  it('never hands back a secret it was given, in answers or in /__mock/state', async () => {
    const { server } = await serveResources(spec);
    const secret = 'whsec_do_not_echo_4711';
    const created = await call(server.url, 'POST', '/v1/task-webhooks', { url: 'https://hooks.example.test/tasks', secret });
    expect(created.status).toBe(201);
    expect(created.body.url).toBe('https://hooks.example.test/tasks');
    const patched = await call(server.url, 'PATCH', `/v1/task-webhooks/${created.body.id}`, { secret: `${secret}-2` });
    expect(patched.status).toBe(200);
    for (const path of [`/v1/task-webhooks/${created.body.id}`, '/v1/task-webhooks', '/__mock/state']) {
      expect(JSON.stringify((await call(server.url, 'GET', path)).body), path).not.toContain(secret);
    }
    expect(JSON.stringify(created.body) + JSON.stringify(patched.body)).not.toContain(secret);
  });

  it('answers a missing parent with the 4xx the operation declares when it declares no 404', async () => {
    const { server } = await serveResources(spec);
    // GET …/databases declares 200 and 400 only: the not-found is its declared 400, and says what is missing.
    const listed = await call(server.url, 'GET', '/v1/sessions/session_ffffffffffffffffffffffffffffffff/databases');
    expect(listed.status).toBe(400);
    expect(listed.body).toMatchObject({ status: 400, code: 'resource_not_found', detail: expect.stringMatching(/No sessions item/) });
    // POST …/voice/sessions declares no 4xx at all: the honest 404 stays.
    const voice = await call(server.url, 'POST', '/v1/agents/agent_ffffffffffffffffffffffffffffffff/voice/sessions', { sdp: 'v=0' });
    expect(voice.status).toBe(404);
  });

  it('writes a problem as text where the document declares only a text media type for it', async () => {
    const { server } = await serveResources(spec);
    const response = await request(`${server.url}/v1/apps/app_ffffffffffffffffffffffffffffffff/fcp`);
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toBe('text/markdown; charset=utf-8');
    expect(await response.body.text()).toMatch(/^Not Found: No apps item has app_id "app_f{32}"\.\n$/);
  });

  it('answers a stateless operation from the document, beside the stateful ones', async () => {
    const { server, map } = await serveResources(spec);
    expect(map.stateless.map((entry) => entry.operationId)).toContain('agent_config');
    const answer = await call(server.url, 'GET', '/v1/agents/config');
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  });
});

describe('Location and ids as the document declares them', () => {
  it('sends the declared Location header on a create, pointing at the new item on the request origin', async () => {
    const note = {
      type: 'object',
      required: ['id', 'text'],
      properties: { id: { type: 'string', format: 'uuid', readOnly: true }, text: { type: 'string' } },
    };
    const spec = await inlineSpec(
      documentWith('3.1.0', {
        '/notes': {
          post: {
            requestBody: { content: { 'application/json': { schema: note } } },
            responses: {
              '201': {
                description: 'made',
                headers: { Location: { schema: { type: 'string' }, required: true } },
                content: { 'application/json': { schema: note } },
              },
            },
          },
        },
        '/notes/{note_id}': {
          parameters: [{ name: 'note_id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
          get: {
            responses: { '200': { description: 'ok', content: { 'application/json': { schema: note } } }, '404': { description: 'gone' } },
          },
        },
      }),
    );
    const { server } = await serveResources(spec, { seed: 7 });
    const created = await call(server.url, 'POST', '/notes', { text: 'hi' });
    expect(created.status).toBe(201);
    expect(created.body.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(created.headers.location).toBe(`${server.url}/notes/${created.body.id}`);
    expect((await call(server.url, 'GET', `/notes/${created.body.id}`)).body).toEqual({ id: created.body.id, text: 'hi' });
  });

  it('draws the same ids for the same --seed', async () => {
    const spec = await loadDocument(DOCUMENTS.platform);
    const ids = async (seed: number) => {
      const { server } = await serveResources(spec, { seed });
      const made: string[] = [];
      for (let i = 0; i < 3; i++) made.push((await call(server.url, 'POST', '/v1/agents', { name: `A${i}`, system_prompt: 'x' })).body.id);
      return made;
    };
    const first = await ids(3);
    expect(await ids(3)).toEqual(first);
    expect(await ids(4)).not.toEqual(first);
  });

  it('makes ids that satisfy a pattern the path parameter declares', async () => {
    const item = { type: 'object', properties: { code: { type: 'string', readOnly: true }, label: { type: 'string' } } };
    const spec = await inlineSpec(
      documentWith('3.1.0', {
        '/codes': {
          post: {
            requestBody: { content: { 'application/json': { schema: item } } },
            responses: { '201': { description: 'made', content: { 'application/json': { schema: item } } } },
          },
        },
        '/codes/{code}': {
          parameters: [{ name: 'code', in: 'path', required: true, schema: { type: 'string', pattern: '^[A-Z]{3}-\\d{4}$' } }],
          get: {
            responses: { '200': { description: 'ok', content: { 'application/json': { schema: item } } }, '404': { description: 'gone' } },
          },
        },
      }),
    );
    const { server } = await serveResources(spec);
    for (let i = 0; i < 5; i++) {
      const created = await call(server.url, 'POST', '/codes', { label: `n${i}` });
      expect(created.body.code).toMatch(/^[A-Z]{3}-\d{4}$/);
      expect((await call(server.url, 'GET', `/codes/${created.body.code}`)).body).toEqual({ code: created.body.code, label: `n${i}` });
    }
  });
});
