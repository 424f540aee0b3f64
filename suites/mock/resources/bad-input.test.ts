import { beforeAll, describe, expect, it } from 'vitest';
import { Router } from '../../../src/mock/index.js';
import type { LoadedSpec } from '../../../src/openapi/index.js';
import { SpecValidator, validateResponse } from '../../../src/validation/index.js';
import { documentWith, inlineSpec } from '../../helpers/inline-spec.js';
import { exchangeRaw } from '../raw-http.js';
import { call, DOCUMENTS, loadDocument, serveResources } from './serve.js';

/**
 * Every class of bad input to the inferred resources of the platform's document: each gets a 4xx in
 * the shape the operation declares (problem+json, or the document's own error schema), never a 5xx,
 * and the state is exactly as it was.
 */

const AGENT = { name: 'Steady', system_prompt: 'Stay put.' };

describe("bad input to the platform document's inferred resources", () => {
  let spec: LoadedSpec;
  beforeAll(async () => {
    spec = await loadDocument(DOCUMENTS.platform);
  });

  it.each([
    ['malformed JSON', 'POST', '/v1/agents', '{"name": "x",', 400, /not valid JSON/],
    ['wrong types', 'POST', '/v1/agents', JSON.stringify({ name: 42, system_prompt: ['no'] }), 400, /name must be string/],
    ['a missing required member', 'POST', '/v1/agents', JSON.stringify({ name: 'No prompt' }), 400, /system_prompt is required/],
    ['a body that is no object', 'PATCH', '/v1/agents/{agent}', '[1, 2]', 400, /must be object/],
    [
      'an id that does not exist',
      'GET',
      '/v1/agents/agent_ffffffffffffffffffffffffffffffff',
      undefined,
      404,
      /No agents item has agent_id "agent_f{32}"/,
    ],
    [
      'a PATCH of an id that does not exist',
      'PATCH',
      '/v1/agents/agent_ffffffffffffffffffffffffffffffff',
      '{"name": "ghost"}',
      404,
      /No agents item/,
    ],
    [
      'a DELETE of an id that does not exist',
      'DELETE',
      '/v1/agents/agent_ffffffffffffffffffffffffffffffff',
      undefined,
      404,
      /No agents item/,
    ],
    [
      'an id with an encoded slash',
      'GET',
      '/v1/agents/{agent}%2F..%2Fx',
      undefined,
      404,
      /No agents item has agent_id "agent_[0-9a-f]{32}\/\.\.\/x"/,
    ],
    [
      'a child of a parent that does not exist',
      'GET',
      '/v1/sessions/session_ffffffffffffffffffffffffffffffff/messages',
      undefined,
      404,
      /nothing below it exists/,
    ],
    [
      'a child created below a parent that does not exist',
      'POST',
      '/v1/sessions/session_ffffffffffffffffffffffffffffffff/messages',
      JSON.stringify({ message: { content: [{ type: 'text', text: 'hi' }] } }),
      404,
      /nothing below it exists/,
    ],
    ['a huge page size', 'GET', '/v1/agents?limit=100000000000000000000', undefined, 400, /limit must be <= 100/],
    ['a negative offset', 'GET', '/v1/agents?offset=-1', undefined, 400, /offset must be >= 0/],
    ['a page size that is no number', 'GET', '/v1/agents?limit=lots', undefined, 400, /limit must be integer/],
    ['a client-chosen id that is taken', 'POST', '/v1/agents', JSON.stringify({ ...AGENT, id: '{agent}' }), 400, /already exists/],
  ])('answers %s (%s %s) with a clear problem and keeps the state', async (_what, method, template, body, status, detail) => {
    const { server } = await serveResources(spec);
    const validator = new SpecValidator(spec);
    const agent = await call(server.url, 'POST', '/v1/agents', JSON.stringify(AGENT));
    expect(agent.status).toBe(201);
    const path = template.replaceAll('{agent}', agent.body.id);
    const before = (await call(server.url, 'GET', '/__mock/state')).body;

    const answer = await call(server.url, method, path, body?.replaceAll('{agent}', agent.body.id));
    expect(answer.status, answer.text).toBe(status);
    expect(answer.body.detail, answer.text).toMatch(detail);
    expect(answer.body).toMatchObject({ status, title: expect.any(String) });
    // The operation's declared error shape (the platform declares ErrorResponse as JSON, or nothing).
    const route = new Router(spec.operations).resolve(method, path.split('?')[0]!);
    if (!route.ok) throw new Error(`${method} ${path} does not route`);
    const operation = route.operation;
    const checked = validateResponse(validator, operation, { status: answer.status, headers: answer.headers, body: answer.body });
    expect(checked.violations).toEqual([]);
    expect(answer.headers['content-type']).toMatch(/^application\/(problem\+)?json/);

    expect((await call(server.url, 'GET', '/__mock/state')).body).toEqual(before);
    expect((await call(server.url, 'GET', `/v1/agents/${agent.body.id}`)).body).toMatchObject(AGENT);
  });

  it('answers a dot-segment id sent raw on the wire with a 4xx, not the collection', async () => {
    const { server } = await serveResources(spec);
    const before = (await call(server.url, 'GET', '/__mock/state')).body;
    for (const target of ['/v1/agents/..', '/v1/agents/%2e%2e', '/v1/agents/../agents']) {
      const { responses } = await exchangeRaw(server.port, `GET ${target} HTTP/1.1\r\nhost: localhost\r\nconnection: close\r\n\r\n`);
      expect(responses, target).toHaveLength(1);
      expect(responses[0]!.status, `${target}: ${responses[0]!.body}`).toBeGreaterThanOrEqual(400);
      expect(responses[0]!.status, target).toBeLessThan(500);
      expect(responses[0]!.headers['content-type']).toMatch(/json/);
    }
    expect((await call(server.url, 'GET', '/__mock/state')).body).toEqual(before);
  });
});

describe('pagination values a document does not bound', () => {
  it('clamps a huge page size and a negative offset instead of failing', async () => {
    const item = { type: 'object', properties: { id: { type: 'integer', readOnly: true }, name: { type: 'string' } } };
    const spec = await inlineSpec(
      documentWith('3.1.0', {
        '/notes': {
          get: {
            parameters: [
              { name: 'offset', in: 'query', schema: { type: 'integer' } },
              { name: 'limit', in: 'query', schema: { type: 'integer' } },
            ],
            responses: {
              '200': {
                description: 'ok',
                content: {
                  'application/json': {
                    schema: { type: 'object', properties: { items: { type: 'array', items: item }, total: { type: 'integer' } } },
                  },
                },
              },
            },
          },
          post: {
            requestBody: { content: { 'application/json': { schema: item } } },
            responses: { '201': { description: 'made', content: { 'application/json': { schema: item } } } },
          },
        },
        '/notes/{id}': {
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer' } }],
          get: {
            responses: { '200': { description: 'ok', content: { 'application/json': { schema: item } } }, '404': { description: 'gone' } },
          },
        },
      }),
    );
    const { server } = await serveResources(spec);
    const ids: number[] = [];
    for (const name of ['a', 'b', 'c']) ids.push((await call(server.url, 'POST', '/notes', JSON.stringify({ name }))).body.id);
    const huge = await call(server.url, 'GET', '/notes?limit=999999999999999');
    expect(huge.body).toEqual({ items: ids.map((id, index) => ({ id, name: ['a', 'b', 'c'][index] })), total: 3 });
    const negative = await call(server.url, 'GET', '/notes?offset=-5&limit=2');
    expect(negative.body.items.map((entry: { id: number }) => entry.id)).toEqual(ids.slice(0, 2));
    const beyond = await call(server.url, 'GET', '/notes?offset=1000000000000000000000');
    expect(beyond.status).toBe(200);
    expect(beyond.body.total).toBe(3);
  });
});
