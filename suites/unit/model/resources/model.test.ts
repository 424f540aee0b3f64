import { describe, expect, it } from 'vitest';
import { createResourceModel, inferResources } from '../../../../src/model/resources/index.js';
import { json, platformSpec, specOf } from './documents.js';
import { bodyOf, caller, fakeEnv, harness, ORIGIN, START } from './fake-env.js';

const iso = (ms: number) => new Date(ms).toISOString();
const AGENT_1 = `agent_${'1'.padStart(32, '0')}`;

describe('the resource model: one item through its whole life', () => {
  it('creates, reads, lists, updates, replaces and deletes, then answers 404 everywhere', () => {
    const { call, env } = harness(platformSpec());
    const created = call('create_agent', { body: { name: 'Support', description: 'helps', secret: 's3cret', created_at: 'forged' } });
    expect(created.response).toMatchObject({ kind: 'body', status: 201 });
    const agent = bodyOf(created);
    expect(agent).toEqual({
      id: AGENT_1,
      name: 'Support',
      description: 'helps',
      created_at: iso(START),
      updated_at: iso(START),
      self_url: `${ORIGIN}/v1/agents/${AGENT_1}`,
    });
    expect(created.changes).toEqual([{ kind: 'put', key: JSON.stringify(['agents', AGENT_1]), record: expect.objectContaining({ id: AGENT_1, seq: 1 }) }]);
    // The client's fields are kept, readOnly ones dropped; the secret is stored but never answered.
    expect(created.changes[0]!.kind === 'put' && created.changes[0]!.record.written).toEqual({ name: 'Support', description: 'helps', secret: 's3cret' });

    const params = { agent_id: AGENT_1 };
    expect(bodyOf(call('get_agent', { params }))).toEqual(agent);
    expect(call('get_agent', { params }).changes).toEqual([]);
    expect(bodyOf(call('list_agents'))).toEqual({ data: [agent], total: 1, offset: 0, limit: 2, next_url: null });

    env.advance(1000);
    const patched = bodyOf(call('update_agent', { params, body: { description: null, name: 'Support 2', id: 'agent_forged' } }));
    // `description` is nullable, so null clears it; the id stays the server's.
    expect(patched).toMatchObject({ id: AGENT_1, name: 'Support 2', description: null, created_at: iso(START), updated_at: iso(START + 1000) });
    expect(bodyOf(call('get_agent', { params }))).toEqual(patched);

    env.advance(1000);
    const replaced = call('upsert_agent', { params, body: { name: 'Replaced' } });
    expect(replaced.response).toMatchObject({ kind: 'body', status: 200 });
    expect(replaced.changes[0]!.kind === 'put' && replaced.changes[0]!.record.written).toEqual({ name: 'Replaced' });
    expect(bodyOf(call('get_agent', { params }))).toMatchObject({ name: 'Replaced', created_at: iso(START), updated_at: iso(START + 2000) });

    const deleted = call('delete_agent', { params });
    expect(deleted).toEqual({ response: { kind: 'empty', status: 204, headers: {} }, changes: [{ kind: 'delete', key: JSON.stringify(['agents', AGENT_1]) }] });
    for (const operationId of ['get_agent', 'update_agent', 'delete_agent', 'copy_agent', 'publish_agent', 'ping_agent', 'agent_stats']) {
      const outcome = call(operationId, { params, body: {} });
      expect(outcome.response, operationId).toMatchObject({ kind: 'problem', status: 404, code: 'resource_not_found' });
      expect(outcome.changes, operationId).toEqual([]);
    }
    expect(bodyOf(call('list_agents'))).toMatchObject({ data: [], total: 0 });
  });

  it('upserts with PUT where the operation declares 201, and refuses PUT on a missing item otherwise', () => {
    const { call } = harness(platformSpec());
    const upserted = call('upsert_agent', { params: { agent_id: 'customer-support' }, body: { name: 'cs' } });
    expect(upserted.response).toMatchObject({ kind: 'body', status: 201, body: { id: 'customer-support', name: 'cs' } });
    expect(bodyOf(call('get_agent', { params: { agent_id: 'customer-support' } }))).toMatchObject({ name: 'cs' });
    const spec = specOf({
      '/x': { post: { responses: { '201': json({ type: 'object', properties: { id: { type: 'string' } } }) } } },
      '/x/{id}': { put: { operationId: 'put_x', responses: { '200': json({ type: 'object', properties: { id: { type: 'string' } } }) } } },
    });
    expect(harness(spec).call('put_x', { params: { id: 'nope' }, body: {} }).response).toMatchObject({ kind: 'problem', status: 404 });
  });

  it('takes the id a client chooses where the create body declares it, and answers 409 when it is taken', () => {
    const { call } = harness(platformSpec());
    expect(bodyOf(call('create_agent', { body: { id: 'agent_mine', name: 'a' } })).id).toBe('agent_mine');
    const again = call('create_agent', { body: { id: 'agent_mine', name: 'b' } });
    expect(again).toEqual({ response: expect.objectContaining({ kind: 'problem', status: 409, code: 'resource_conflict' }), changes: [] });
  });

  it('answers actions: a copy makes a sibling, an action answering the item returns it, others are synthesized', () => {
    const { call } = harness(platformSpec());
    const agent = bodyOf(call('create_agent', { body: { name: 'Original' } }));
    const params = { agent_id: agent.id };
    const copy = call('copy_agent', { params, body: { name: 'Copy' } });
    expect(copy.response).toMatchObject({ kind: 'body', status: 201, body: { name: 'Copy' } });
    expect(bodyOf(copy).id).not.toBe(agent.id);
    expect(bodyOf(call('list_agents')).data.map((item: any) => item.name)).toEqual(['Original', 'Copy']);
    expect(call('publish_agent', { params })).toEqual({ response: { kind: 'body', status: 200, headers: {}, body: agent }, changes: [] });
    expect(call('ping_agent', { params }).response).toEqual({ kind: 'empty', status: 202, headers: {} });
    expect(call('agent_stats', { params }).response).toEqual({ kind: 'synthesize', status: 200, headers: {} });
  });

  it('keeps the representation an action re-renders (what an oracle learns from the target)', () => {
    const target = { status: 'published' };
    const env = fakeEnv();
    const render = env.render;
    env.render = (input) => (input.kind === 'action' ? { ...(input.previous as object), ...target } : render(input));
    const spec = platformSpec();
    const model = createResourceModel(inferResources(spec), env);
    const call = caller(spec, model);
    const agent = bodyOf(call('create_agent', { body: { name: 'a' } }));
    const published = call('publish_agent', { params: { agent_id: agent.id } });
    expect(bodyOf(published).status).toBe('published');
    expect(published.changes).toHaveLength(1);
    expect(bodyOf(call('get_agent', { params: { agent_id: agent.id } })).status).toBe('published');
  });
});

describe('the resource model: nesting', () => {
  it('scopes children to their parent, 404s under an unknown parent, and hides children with their parent', () => {
    const { call } = harness(platformSpec());
    const one = bodyOf(call('create_session', { body: { title: 'one' } }));
    const two = bodyOf(call('create_session', { body: { title: 'two' } }));
    const message = bodyOf(call('create_message', { params: { session_id: one.id }, body: { text: 'hi' } }));
    // A member named like the parent's parameter holds the parent's id.
    expect(message).toMatchObject({ session_id: one.id, text: 'hi' });
    call('create_message', { params: { session_id: two.id }, body: { text: 'other' } });
    expect(bodyOf(call('list_messages', { params: { session_id: one.id } })).items.map((item: any) => item.text)).toEqual(['hi']);
    const note = bodyOf(call('create_note', { params: { session_id: one.id, message_id: message.id }, body: { body: 'n' } }));
    const noteParams = { session_id: one.id, message_id: message.id, note_id: note.id };
    expect(bodyOf(call('get_note', { params: noteParams }))).toEqual(note);
    expect(call('get_note', { params: { ...noteParams, session_id: two.id } }).response).toMatchObject({ status: 404, detail: expect.stringContaining('messages') });

    const unknown = call('create_message', { params: { session_id: 'nope' }, body: { text: 'x' } });
    expect(unknown).toEqual({ response: expect.objectContaining({ kind: 'problem', status: 404, code: 'resource_not_found' }), changes: [] });
    expect(unknown.response.kind === 'problem' && unknown.response.detail).toMatch(/No sessions item has session_id "nope"/);
    expect(call('session_events', { params: { session_id: 'nope' } }).response).toMatchObject({ status: 404 });

    // Deleting the session answers it (its DELETE declares 200 with the item) and takes its children with it.
    const deleted = call('delete_session', { params: { session_id: one.id } });
    expect(deleted.response).toMatchObject({ kind: 'body', status: 200, body: { id: one.id } });
    expect(deleted.changes.map((change) => change.key)).toEqual([
      JSON.stringify(['sessions', one.id]),
      JSON.stringify(['messages', one.id, message.id]),
      JSON.stringify(['notes', one.id, message.id, note.id]),
    ]);
    expect(call('list_messages', { params: { session_id: one.id } }).response).toMatchObject({ status: 404 });
    expect(call('get_note', { params: noteParams }).response).toMatchObject({ status: 404 });
    // A session created later under the same id would not bring them back.
    expect(bodyOf(call('list_messages', { params: { session_id: two.id } })).items).toHaveLength(1);
  });

  it('serves a read-only child of a writable parent while the parent exists', () => {
    const item = { type: 'object', properties: { id: { type: 'string' } } };
    const spec = specOf({
      '/s': { post: { operationId: 'create_s', responses: { '201': json(item) } } },
      '/s/{s_id}': { get: { responses: { '200': json(item) } } },
      '/s/{s_id}/tasks/{task_id}': { get: { operationId: 'get_task', responses: { '200': json(item) } } },
    });
    const { call } = harness(spec);
    const s = bodyOf(call('create_s'));
    expect(call('get_task', { params: { s_id: s.id, task_id: 'any' } }).response).toEqual({ kind: 'synthesize', status: 200, headers: {} });
    expect(call('get_task', { params: { s_id: 'gone', task_id: 'any' } }).response).toMatchObject({ kind: 'problem', status: 404 });
  });
});

describe('the resource model: ids, links and headers', () => {
  it('makes integer ids numbers in bodies and compares them as numbers in paths', () => {
    const pet = { type: 'object', properties: { id: { type: 'integer', readOnly: true }, name: { type: 'string' } } };
    const spec = specOf({
      '/pets': { post: { operationId: 'create_pet', responses: { '201': json(pet) } } },
      '/pets/{petId}': {
        get: { operationId: 'get_pet', parameters: [{ name: 'petId', in: 'path', required: true, schema: { type: 'integer' } }], responses: { '200': json(pet) } },
      },
    });
    const { call } = harness(spec);
    expect(bodyOf(call('create_pet', { body: { name: 'rex', id: 99 } }))).toEqual({ id: 1, name: 'rex' });
    expect(bodyOf(call('get_pet', { params: { petId: '001' } }))).toEqual({ id: 1, name: 'rex' });
  });

  it('answers a Location header where the create declares one, on the request origin', () => {
    const spec = specOf({
      '/files': { post: { operationId: 'upload', responses: { '201': { description: 'made', headers: { Location: { schema: { type: 'string' } } } } } } },
      '/files/{name}': { get: { operationId: 'download', responses: { '200': { description: 'bytes', content: { 'application/octet-stream': {} } } } } },
    });
    const { call } = harness(spec);
    const created = call('upload', { body: {} });
    expect(created.response).toEqual({ kind: 'empty', status: 201, headers: { location: `${ORIGIN}/files/id1` } });
    expect(call('download', { params: { name: 'id1' } }).response).toEqual({ kind: 'synthesize', status: 200, headers: {} });
    // Without an origin the model can only give the path (RFC 9110 §10.2.2 allows a relative reference).
    const fresh = harness(spec).model;
    const upload = spec.operations.find((operation) => operation.id === 'upload')!;
    expect(fresh.handle({ operation: upload, path: '/files', pathParams: {}, query: {}, headers: {}, body: {} }).response.headers).toEqual({ location: '/files/id1' });
  });

  it('points self links at the origin of each request, not of the create', () => {
    const { call } = harness(platformSpec());
    const agent = bodyOf(call('create_agent', { body: { name: 'a' }, origin: 'http://first:1' }));
    expect(agent.self_url).toBe(`http://first:1/v1/agents/${agent.id}`);
    expect(bodyOf(call('get_agent', { params: { agent_id: agent.id }, origin: 'http://second:2' })).self_url).toBe(`http://second:2/v1/agents/${agent.id}`);
  });
});

describe('the resource model never throws', () => {
  it('turns a failing render into a 500 with the state unchanged', () => {
    const { call, env, model } = harness(platformSpec());
    const agent = bodyOf(call('create_agent', { body: { name: 'a' } }));
    const before = model.exportSnapshot();
    env.render = () => {
      throw new Error('boom');
    };
    for (const [operationId, params] of [
      ['create_agent', {}],
      ['update_agent', { agent_id: agent.id }],
      ['upsert_agent', { agent_id: agent.id }],
      ['copy_agent', { agent_id: agent.id }],
    ] as const) {
      const outcome = call(operationId, { params, body: { name: 'b' } });
      expect(outcome, operationId).toEqual({ response: { kind: 'problem', status: 500, headers: {}, code: 'internal_error', detail: 'The resource model failed: boom' }, changes: [] });
    }
    expect(model.exportSnapshot()).toEqual(before);
  });

  it('refuses a render that is not JSON, and an environment that cannot give fresh ids', () => {
    const functions = harness(platformSpec(), { env: { render: () => ({ run: () => 1 }) } });
    expect(functions.call('create_agent', { body: {} }).response).toMatchObject({ kind: 'problem', status: 500 });
    expect(functions.model.exportSnapshot().records).toEqual([]);
    const stuck = harness(platformSpec(), { env: { newId: () => 'agent_same' } });
    expect(stuck.call('create_agent', { body: {} }).response).toMatchObject({ kind: 'body', status: 201 });
    expect(stuck.call('create_agent', { body: {} }).response).toMatchObject({ kind: 'problem', status: 500, detail: expect.stringContaining('no fresh id') });
  });

  it('answers a stateless operation, a patch that is no object and a broken query without throwing', () => {
    const spec = platformSpec();
    const { call, model } = harness(spec);
    const health = spec.operations.find((operation) => operation.id === 'health')!;
    expect(model.route(health)).toBeUndefined();
    expect(model.handle({ operation: health, path: '/v1/health', pathParams: {}, query: {}, headers: {}, body: undefined }).response).toMatchObject({
      kind: 'problem',
      status: 404,
      code: 'route_not_found',
    });
    const agent = bodyOf(call('create_agent', { body: { name: 'a' } }));
    // A patch that is no object has nothing to merge; the answer stays a declared status.
    expect(bodyOf(call('update_agent', { params: { agent_id: agent.id }, body: [1, 2] }))).toEqual(agent);
    expect(call('list_agents', { query: { limit: 'many', offset: '-4', status: ['archived', 'active'] } }).response).toMatchObject({ kind: 'body', status: 200 });
    const list = spec.operations.find((operation) => operation.id === 'list_agents')!;
    const broken = model.handle({ operation: list, path: '/v1/agents', pathParams: {}, query: null as never, headers: {}, body: undefined });
    expect(broken).toEqual({ response: expect.objectContaining({ kind: 'problem', status: 500, code: 'internal_error' }), changes: [] });
  });
});
