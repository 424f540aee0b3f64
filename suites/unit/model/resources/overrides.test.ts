import { describe, expect, it } from 'vitest';
import { SpecError, UsageError } from '../../../../src/core/index.js';
import { inferResources, parseResourceOverrides, RESOURCE_EXTENSION } from '../../../../src/model/resources/index.js';
import { json, platformSpec, specOf } from './documents.js';

const overrides = (value: unknown) => parseResourceOverrides(value, 'overrides.json');

describe('parseResourceOverrides', () => {
  it('accepts operations and collections, keeping where each entry came from', () => {
    const parsed = overrides({ operations: { get_agent: { stateless: true } }, collections: { '/v1/agents': { name: 'bots', idField: 'id' } } });
    expect(parsed.operations.get_agent).toEqual({ stateless: true, origin: { kind: 'file', where: 'overrides.json: operations["get_agent"]' } });
    expect(parsed.collections['/v1/agents']).toMatchObject({ name: 'bots', idField: 'id' });
  });

  it.each([
    [[], /must be a JSON object/],
    [{ resources: {} }, /unknown member "resources"/],
    [{ operations: [] }, /"operations" must be an object/],
    [{ operations: { x: true } }, /operations\["x"\]: must be an object/],
    [{ operations: { x: { stateless: 'yes' } } }, /"stateless" must be true or false/],
    [{ operations: { x: { name: 'y' } } }, /unknown member "name" \(allowed: stateless, creates, once\)/],
    [{ collections: { agents: { name: 'x' } } }, /keyed by its path/],
    [{ collections: { '/v1/agents': { idField: '' } } }, /"idField" must be a non-empty string/],
    [{ collections: { '/v1/agents': { name: 'two words' } } }, /"name" "two words" must be letters/],
    [{ collections: { '/v1/agents': { collection: 1 } } }, /"collection" must be true or false/],
  ])('refuses %j with a UsageError naming the file', (value, message) => {
    expect(() => overrides(value)).toThrow(UsageError);
    expect(() => overrides(value)).toThrow(message);
    expect(() => overrides(value)).toThrow(/overrides\.json/);
  });
});

describe('inferResources with overrides', () => {
  it('marks an operation stateless, by operationId or by METHOD /path', () => {
    const map = inferResources(platformSpec(), overrides({ operations: { agent_stats: { stateless: true }, 'post /v1/agents/{agent_id}/ping': { stateless: true } } }));
    const agents = map.collections.find((entry) => entry.name === 'agents')!;
    expect(agents.subResources).toEqual([]);
    expect(agents.actions.map((action) => action.name)).toEqual(['copy', 'publish']);
    expect(map.stateless.filter((entry) => entry.reason === 'marked stateless by an override').map((entry) => entry.operationId)).toEqual([
      'ping_agent',
      'agent_stats',
    ]);
  });

  it('renames a collection', () => {
    const map = inferResources(platformSpec(), overrides({ collections: { '/v1/agents': { name: 'bots' } } }));
    expect(map.collections.map((entry) => entry.name)).toContain('bots');
    expect(map.collections.find((entry) => entry.name === 'bots')!.source).toBe('override');
  });

  it('sets the id field, the id parameter and the list property', () => {
    const item = { type: 'object', properties: { key: { type: 'string' }, id: { type: 'string' } } };
    const spec = specOf({
      '/keys': {
        get: { responses: { '200': json({ type: 'object', properties: { data: { type: 'array', items: item }, extra: { type: 'array', items: item } } }) } },
        post: { responses: { '201': json(item) } },
      },
      '/keys/{id}': { get: { responses: { '200': json(item) } } },
      '/keys/{name}/rotate': { post: { responses: { '200': json(item) } } },
    });
    const map = inferResources(spec, overrides({ collections: { '/keys': { idField: 'key', idParameter: 'name', listProperty: 'extra' } } }));
    expect(map.collections[0]).toMatchObject({ itemPath: '/keys/{name}', id: { parameter: 'name', field: 'key' }, list: { property: 'extra' } });
  });

  it('forces a collection inference missed, and removes one it found', () => {
    const item = { type: 'object', properties: { id: { type: 'string' } } };
    const spec = specOf({
      '/jobs': { post: { responses: { '200': json(item) } } },
      '/jobs/{id}': { delete: { responses: { '204': { description: 'gone' } } } },
      '/pets': { post: { responses: { '201': json(item) } } },
      '/pets/{id}': { get: { responses: { '200': json(item) } } },
    });
    expect(inferResources(spec).collections.map((entry) => entry.name)).toEqual(['jobs', 'pets']);
    const map = inferResources(spec, overrides({ collections: { '/pets': { collection: false } } }));
    expect(map.collections.map((entry) => entry.name)).toEqual(['jobs']);
    expect(map.stateless.map((entry) => entry.path)).toEqual(['/pets', '/pets/{id}']);
    const forced = specOf({ '/tasks': { get: { responses: { '200': json({ type: 'array', items: item }) } } } });
    expect(inferResources(forced).collections).toEqual([]);
    expect(inferResources(forced, overrides({ collections: { '/tasks': { collection: true } } })).collections[0]).toMatchObject({
      name: 'tasks',
      source: 'override',
      roles: { list: { operationId: 'GET /tasks' } },
    });
  });

  it.each([
    [{ operations: { nope: { stateless: true } } }, /no operation "nope" in the document/],
    [{ collections: { '/nowhere': { name: 'x' } } }, /no path \/nowhere/],
    [{ collections: { '/v1/health': { name: 'x' } } }, /\/v1\/health is not a collection \(add "collection": true/],
    [{ collections: { '/v1/agents': { idParameter: 'nope' } } }, /idParameter "nope" is not a parameter after this path \(found: agent_id\)/],
    [{ collections: { '/v1/agents': { idField: 'nope' } } }, /idField "nope" is not a member of the item/],
    [{ collections: { '/v1/agents': { listProperty: 'total' } } }, /listProperty "total" is not an array member/],
    [{ collections: { '/v1/sessions/{session_id}/messages/{message_id}/notes': { listProperty: 'data' } } }, /listProperty is set but the path has no GET/],
    [{ collections: { '/v1/agents': { name: 'sessions' }, '/v1/sessions': { name: 'sessions' } } }, /name "sessions" is already the name of/],
  ])('refuses an override that does not fit the document: %j', (value, message) => {
    const run = () => inferResources(platformSpec(), overrides(value));
    expect(run).toThrow(UsageError);
    expect(run).toThrow(message);
  });

  it('reads the same corrections from the document, blaming the document with a SpecError', () => {
    const item = { type: 'object', properties: { id: { type: 'string' } } };
    const spec = specOf({
      '/pets': { [RESOURCE_EXTENSION]: { name: 'animals' }, post: { responses: { '201': json(item) } } },
      '/pets/{id}': { get: { responses: { '200': json(item) } }, delete: { [RESOURCE_EXTENSION]: { stateless: true }, responses: { '204': { description: 'gone' } } } },
    });
    const map = inferResources(spec);
    expect(map.collections[0]).toMatchObject({ name: 'animals', source: 'override' });
    expect(map.collections[0]!.roles.delete).toBeUndefined();
    // A file wins over the document, entry by entry.
    expect(inferResources(spec, overrides({ collections: { '/pets': { name: 'pets' } } })).collections[0]!.name).toBe('pets');
    const bad = specOf({ '/pets': { [RESOURCE_EXTENSION]: { nickname: 'x' }, post: { responses: { '201': json(item) } } } });
    expect(() => inferResources(bad)).toThrow(SpecError);
    expect(() => inferResources(bad)).toThrow(`${RESOURCE_EXTENSION} at #/paths/~1pets/${RESOURCE_EXTENSION}: unknown member "nickname"`);
  });
});
