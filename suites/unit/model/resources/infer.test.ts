import { describe, expect, it } from 'vitest';
import { inferResources, type ResourceCollection, type ResourceMap } from '../../../../src/model/resources/index.js';
import { empty, json, platformSpec, ref, specOf } from './documents.js';

function collection(map: ResourceMap, name: string): ResourceCollection {
  const found = map.collections.find((entry) => entry.name === name);
  if (!found) throw new Error(`no collection ${name} in ${map.collections.map((entry) => entry.name).join(', ')}`);
  return found;
}

const reasonOf = (map: ResourceMap, method: string, path: string) => map.stateless.find((entry) => entry.method === method && entry.path === path)?.reason;

describe('inferResources on a flat and nested document', () => {
  const map = inferResources(platformSpec());
  const agents = collection(map, 'agents');

  it('finds each collection with its paths, scope and nesting', () => {
    expect(map.collections.map((entry) => entry.name).sort()).toEqual(['agents', 'messages', 'notes', 'sessions']);
    expect(agents).toMatchObject({ path: '/v1/agents', itemPath: '/v1/agents/{agent_id}', scope: [], ancestors: [], writable: true, upsert: true });
    // The item path of messages is written out only below it (`/{message_id}/notes`).
    expect(collection(map, 'messages')).toMatchObject({
      path: '/v1/sessions/{session_id}/messages',
      itemPath: '/v1/sessions/{session_id}/messages/{message_id}',
      scope: ['session_id'],
      ancestors: [{ collection: 'sessions', parameter: 'session_id' }],
    });
    expect(collection(map, 'notes').ancestors).toEqual([
      { collection: 'sessions', parameter: 'session_id' },
      { collection: 'messages', parameter: 'message_id' },
    ]);
  });

  it('says precisely which roles each collection has, with the statuses it declares', () => {
    expect(Object.keys(agents.roles).sort()).toEqual(['create', 'delete', 'list', 'read', 'replace', 'update']);
    expect(agents.roles.create).toMatchObject({ operationId: 'create_agent', status: 201, body: 'item', conflictStatus: 409, location: false });
    expect(agents.roles.delete).toMatchObject({ status: 204, body: 'none' });
    expect(agents.roles.read).toMatchObject({ status: 200, body: 'item' });
    expect(agents.roles.list).toMatchObject({ status: 200, body: 'list' });
    expect(Object.keys(collection(map, 'messages').roles).sort()).toEqual(['create', 'list']);
    expect(Object.keys(collection(map, 'notes').roles).sort()).toEqual(['create', 'read']);
    expect(collection(map, 'sessions').roles.delete).toMatchObject({ status: 200, body: 'item' });
    expect(collection(map, 'sessions').upsert).toBe(false);
  });

  it('reads the id field, where it comes from, its format and whether the client may choose it', () => {
    expect(agents.id).toEqual({
      parameter: 'agent_id',
      field: 'id',
      source: 'property',
      fieldType: 'string',
      // Learned from the example `agent_01933b5a…` (the Everruns `<prefix>_<32 hex>` convention).
      format: { kind: 'prefixed', prefix: 'agent_', hexLength: 32 },
      clientSupplied: true,
    });
    expect(collection(map, 'sessions').id.clientSupplied).toBe(false);
  });

  it('reads the item: readOnly, writeOnly (also from the create body), nullable, timestamps and self links', () => {
    expect(agents.item.readOnly.sort()).toEqual(['created_at', 'id', 'self_url', 'updated_at']);
    expect(agents.item.writeOnly).toEqual(['secret']);
    expect(agents.item.nullable).toEqual(['description']);
    expect(agents.item.created).toEqual({ name: 'created_at', encoding: 'iso' });
    expect(agents.item.updated).toEqual({ name: 'updated_at', encoding: 'iso' });
    expect(agents.item.selfLinks).toEqual([{ path: ['self_url'], absolute: true }]);
    expect(agents.item.stringFields).toContain('name');
    expect(agents.item.stringFields).not.toContain('tags');
    expect(agents.item.stringFields).not.toContain('secret');
    expect(agents.item.schemaPointer).toBe('#/paths/~1v1~1agents~1{agent_id}/get/responses/200/content/application~1json/schema');
  });

  it('reads a wrapped list: its array, envelope members, pagination and filters', () => {
    expect(agents.list).toEqual({
      shape: 'object',
      property: 'data',
      meta: { total: 'total', offset: 'offset', limit: 'limit', next_url: 'next_link' },
      nullableMeta: ['next_url'],
      unfilled: ['object'],
      pagination: { kind: 'offset', offset: 'offset', limit: 'limit', defaultLimit: 2, maxLimit: 3 },
      filters: [
        { kind: 'equals', parameter: 'status', field: 'status', values: ['active', 'archived'] },
        { kind: 'search', parameter: 'search', fields: ['id', 'name', 'description', 'status', 'created_at', 'updated_at', 'self_url'] },
      ],
    });
    expect(collection(map, 'sessions').list).toMatchObject({ shape: 'array', property: undefined, pagination: { kind: 'none' } });
    expect(collection(map, 'messages').list).toMatchObject({
      shape: 'object',
      property: 'items',
      meta: { next_cursor: 'next_cursor', has_more: 'has_more' },
      pagination: { kind: 'cursor', cursor: 'cursor', limit: 'limit' },
    });
  });

  it('records actions with their effect, and sub-resources', () => {
    expect(agents.actions.map((action) => [action.name, action.effect, action.endpoint.status, action.endpoint.body])).toEqual([
      ['copy', 'copy', 201, 'item'],
      ['publish', 'none', 200, 'item'],
      ['ping', 'none', 202, 'none'],
    ]);
    expect(agents.subResources.map((sub) => [sub.name, sub.endpoint.method, sub.endpoint.body])).toEqual([['stats', 'GET', 'other']]);
    expect(collection(map, 'sessions').subResources.map((sub) => sub.name)).toEqual(['events']);
  });

  it('lists what it cannot classify as stateless, with a reason', () => {
    expect(map.stateless.map((entry) => entry.operationId)).toEqual(['agents_config', 'health']);
    expect(reasonOf(map, 'GET', '/v1/agents/config')).toMatch(/beside collection agents/);
    expect(reasonOf(map, 'GET', '/v1/health')).toBe('not part of any collection');
  });

  it('is plain JSON: its JSON form is itself', () => {
    expect(JSON.parse(JSON.stringify(map))).toEqual(map);
  });
});

describe('inferResources: ids', () => {
  const withId = (parameter: Record<string, unknown>, property: Record<string, unknown> = { type: 'string' }) =>
    inferResources(
      specOf({
        '/things': { post: { responses: { '201': json({ type: 'object', properties: { id: property, name: { type: 'string' } } }) } } },
        '/things/{thing_id}': {
          get: {
            parameters: [{ name: 'thing_id', in: 'path', required: true, schema: parameter }],
            responses: { '200': json({ type: 'object', properties: { id: property, name: { type: 'string' } } }) },
          },
        },
      }),
    ).collections[0]!.id;

  it('takes a pattern from the parameter first, and reads the Everruns pattern as a prefix', () => {
    expect(withId({ type: 'string', pattern: '^agent_[0-9a-f]{32}$' }).format).toEqual({ kind: 'prefixed', prefix: 'agent_', hexLength: 32 });
    expect(withId({ type: 'string', pattern: '^[A-Z]{3}-\\d+$' }).format).toEqual({ kind: 'pattern', pattern: '^[A-Z]{3}-\\d+$' });
    expect(withId({ type: 'string' }, { type: 'string', pattern: '^x[0-9]+$' }).format).toEqual({ kind: 'pattern', pattern: '^x[0-9]+$' });
  });

  it('knows uuids, integers (numbers in bodies) and plain strings', () => {
    expect(withId({ type: 'string', format: 'uuid' }).format).toEqual({ kind: 'uuid' });
    const integer = withId({ type: 'integer', minimum: 10, maximum: 99 }, { type: 'integer' });
    expect(integer.format).toEqual({ kind: 'integer', minimum: 10, maximum: 99 });
    expect(integer.fieldType).toBe('number');
    expect(withId({ type: 'string', minLength: 20 }).format).toEqual({ kind: 'string', minLength: 20, maxLength: Number.MAX_SAFE_INTEGER });
  });

  it('learns a uuid or a prefix only when every example agrees', () => {
    expect(withId({ type: 'string' }, { type: 'string', examples: ['5f0c2f54-61b2-4c57-9a3b-6c4d2b1f0e9a'] }).format).toEqual({ kind: 'uuid' });
    expect(withId({ type: 'string' }, { type: 'string', example: 'kb_01933b...' }).format).toEqual({ kind: 'prefixed', prefix: 'kb_', hexLength: 32 });
    expect(withId({ type: 'string' }, { type: 'string', examples: ['kb_0193', 'kbe_0193'] }).format.kind).toBe('string');
  });

  it('prefers the property named like the parameter, then its trailing words, then id', () => {
    const idFrom = (parameter: string, properties: string[]) =>
      inferResources(
        specOf({
          '/x': { post: { responses: { '201': json({ type: 'object', properties: Object.fromEntries(properties.map((name) => [name, { type: 'string' }])) }) } } },
          [`/x/{${parameter}}`]: { get: { responses: { '200': json({ type: 'object', properties: Object.fromEntries(properties.map((name) => [name, { type: 'string' }])) }) } } },
        }),
      ).collections[0]!.id.field;
    expect(idFrom('username', ['id', 'username'])).toBe('username');
    expect(idFrom('issue_number', ['id', 'number'])).toBe('number');
    expect(idFrom('petId', ['id', 'name'])).toBe('id');
    expect(idFrom('payment_account_id', ['account_id', 'id'])).toBe('account_id');
    expect(idFrom('slug', ['name'])).toBeUndefined();
  });

  it('reads the id from a Location header when the item has no id field', () => {
    const map = inferResources(
      specOf({
        '/files': { post: { responses: { '201': { description: 'made', headers: { Location: { schema: { type: 'string' } } } } } } },
        '/files/{name}': { get: { responses: { '200': { description: 'bytes', content: { 'application/octet-stream': {} } } } } },
      }),
    );
    expect(map.collections[0]!.id).toMatchObject({ field: undefined, source: 'location' });
    expect(map.collections[0]!.roles.create).toMatchObject({ status: 201, body: 'none', location: true });
    expect(map.collections[0]!.roles.read).toMatchObject({ body: 'other' });
  });

  it('follows a declared link from the create to the read for the id field', () => {
    const item = { type: 'object', properties: { id: { type: 'integer' }, handle: { type: 'string' } } };
    const map = inferResources(
      specOf({
        '/users': {
          post: {
            operationId: 'createUser',
            responses: { '201': { ...json(item), links: { self: { operationId: 'getUser', parameters: { key: '$response.body#/handle' } } } } },
          },
        },
        '/users/{key}': { get: { operationId: 'getUser', responses: { '200': json(item) } } },
      }),
    );
    expect(map.collections[0]!.id.field).toBe('handle');
    expect(map.links).toEqual([{ from: 'createUser', status: '201', name: 'self', to: 'getUser', parameters: { key: '$response.body#/handle' } }]);
  });
});

describe('inferResources: shapes and edge cases', () => {
  const item = { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' } } };

  it('treats PUT as an upsert only when it declares 201', () => {
    const upsert = (responses: Record<string, unknown>) =>
      inferResources(specOf({ '/x': { post: { responses: { '201': json(item) } } }, '/x/{id}': { get: { responses: { '200': json(item) } }, put: { responses } } }))
        .collections[0]!;
    expect(upsert({ '200': json(item) })).toMatchObject({ upsert: false, writable: true });
    expect(upsert({ '200': json(item), '201': json(item) }).upsert).toBe(true);
  });

  it('makes a PUT-only collection writable through its upsert', () => {
    const map = inferResources(specOf({ '/kv/{key}': { get: { responses: { '200': json(item) } }, put: { responses: { '201': json(item), '200': json(item) } } } }));
    expect(map.collections[0]).toMatchObject({ name: 'kv', writable: true, upsert: true });
  });

  it('leaves a GET on the collection path that is no list of items stateless', () => {
    const map = inferResources(
      specOf({
        '/tags': { get: { responses: { '200': json({ type: 'array', items: { type: 'string' } }) } }, post: { responses: { '201': json(item) } } },
        '/tags/{id}': { get: { responses: { '200': json(item) } } },
      }),
    );
    expect(map.collections[0]!.roles.list).toBeUndefined();
    expect(reasonOf(map, 'GET', '/tags')).toMatch(/does not answer a list/);
  });

  it('finds the array of a wrapped list refined by allOf, whatever it is called', () => {
    const map = inferResources(
      specOf(
        {
          '/bookings': {
            get: {
              responses: {
                '200': json({ allOf: [ref('Wrapper'), { properties: { data: { type: 'array', items: ref('Booking') } } }] }),
              },
            },
            post: { responses: { '201': json(ref('Booking')) } },
          },
          '/bookings/{bookingId}': { get: { responses: { '200': json(ref('Booking')) } } },
          '/rooms': { get: { responses: { '200': json({ type: 'object', properties: { hits: { type: 'array', items: item }, count: { type: 'integer' } } }) } }, post: { responses: { '201': json(item) } } },
          '/rooms/{id}': { get: { responses: { '200': json(item) } } },
        },
        {
          Wrapper: { type: 'object', properties: { data: { type: 'array', items: { type: 'object' } }, links: { type: 'object' } } },
          Booking: { type: 'object', properties: { id: { type: 'string', format: 'uuid' }, passenger: { type: 'string' } } },
        },
      ),
    );
    expect(map.collections.find((entry) => entry.name === 'bookings')!.list).toMatchObject({ shape: 'object', property: 'data' });
    // `count` is the total where there is no other total (Django REST framework).
    expect(map.collections.find((entry) => entry.name === 'rooms')!.list).toMatchObject({ property: 'hits', meta: { count: 'total' } });
  });

  it('ends on circular schemas', () => {
    const map = inferResources(
      specOf(
        {
          '/nodes': { post: { responses: { '201': json(ref('Node')) } }, get: { responses: { '200': json({ type: 'array', items: ref('Node') }) } } },
          '/nodes/{id}': { get: { responses: { '200': json(ref('Node')) } } },
        },
        {
          Node: { allOf: [ref('Base'), { type: 'object', properties: { children: { type: 'array', items: ref('Node') }, parent: ref('Node') } }] },
          Base: { allOf: [ref('Node'), { type: 'object', properties: { id: { type: 'string' } } }] },
        },
      ),
    );
    expect(map.collections[0]).toMatchObject({ name: 'nodes', id: { field: 'id' }, list: { shape: 'array' } });
    expect(map.collections[0]!.item.fields.sort()).toEqual(['children', 'id', 'parent']);
  });

  it('tells a create-only nested collection from an action that answers its parent', () => {
    const agent = { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' }, prompt: { type: 'string' } } };
    const run = { type: 'object', properties: { id: { type: 'string' }, agent_id: { type: 'string' }, status: { type: 'string' } } };
    const map = inferResources(
      specOf({
        '/agents': { post: { responses: { '201': json(agent) } } },
        '/agents/{agent_id}': { get: { responses: { '200': json(agent) } } },
        '/agents/{agent_id}/copy': { post: { responses: { '201': json(agent) } } },
        '/agents/{agent_id}/runs': { post: { responses: { '201': json(run) } } },
        '/agents/{agent_id}/runs/batch': { post: { responses: { '201': json(run) } } },
      }),
    );
    expect(map.collections.map((entry) => entry.name)).toEqual(['agents', 'runs']);
    // A literal route deeper under the item is the item's action, so it exists while the agent does.
    expect(map.collections[0]!.actions.map((action) => [action.name, action.effect])).toEqual([
      ['copy', 'copy'],
      ['runs/batch', 'none'],
    ]);
    expect(map.collections[1]).toMatchObject({ itemPath: '/agents/{agent_id}/runs/{id}', ancestors: [{ collection: 'agents', parameter: 'agent_id' }] });
  });

  it('names the unwritten item parameter of a create-only collection apart from the path parameters', () => {
    const map = inferResources(
      specOf({
        '/plugins': { post: { responses: { '201': json(item) } } },
        '/plugins/{id}': { get: { responses: { '200': json(item) } } },
        '/plugins/{id}/runs': {
          post: { responses: { '201': json({ type: 'object', properties: { id: { type: 'string' }, exit: { type: 'integer' }, log: { type: 'string' } } }) } },
        },
      }),
    );
    expect(map.collections.find((entry) => entry.name === 'runs')).toMatchObject({ itemPath: '/plugins/{id}/runs/{runs_id}', id: { parameter: 'runs_id', field: 'id' } });
  });

  it('records where each success body schema lives', () => {
    const agents = inferResources(platformSpec()).collections.find((entry) => entry.name === 'agents')!;
    expect(agents.roles.create!.schemaPointer).toBe('#/paths/~1v1~1agents/post/responses/201/content/application~1json/schema');
    expect(agents.roles.delete!.schemaPointer).toBeUndefined();
    expect(agents.actions[0]!.endpoint.schemaPointer).toBe('#/paths/~1v1~1agents~1{agent_id}~1copy/post/responses/201/content/application~1json/schema');
  });

  it('qualifies clashing names by parent, or by the whole literal path at the top', () => {
    const names = inferResources(
      specOf({
        '/a': { post: { responses: { '201': json(item) } } },
        '/a/{a_id}': { get: { responses: { '200': json(item) } } },
        '/a/{a_id}/items/{id}': { get: { responses: { '200': json(item) } } },
        '/b': { post: { responses: { '201': json(item) } } },
        '/b/{b_id}': { get: { responses: { '200': json(item) } } },
        '/b/{b_id}/items/{id}': { get: { responses: { '200': json(item) } } },
        '/v1/x/{id}': { get: { responses: { '200': json(item) } } },
        '/v2/x/{id}': { get: { responses: { '200': json(item) } } },
      }),
    ).collections.map((entry) => entry.name);
    expect(names.sort()).toEqual(['a', 'a.items', 'b', 'b.items', 'v1.x', 'v2.x']);
  });

  it('serves a read-only collection only below a writable parent', () => {
    const map = inferResources(
      specOf({
        '/s': { post: { responses: { '201': json(item) } } },
        '/s/{s_id}': { get: { responses: { '200': json(item) } } },
        '/s/{s_id}/tasks': { get: { responses: { '200': json({ type: 'array', items: item }) } } },
        '/s/{s_id}/tasks/{task_id}': { get: { responses: { '200': json(item) } } },
        '/catalog/{entry_id}': { get: { responses: { '200': json(item) } } },
      }),
    );
    expect(Object.fromEntries(map.collections.map((entry) => [entry.name, entry.writable]))).toEqual({ catalog: false, s: true, tasks: false });
    expect(reasonOf(map, 'GET', '/catalog/{entry_id}')).toMatch(/read-only/);
    expect(reasonOf(map, 'GET', '/s/{s_id}/tasks/{task_id}')).toBeUndefined();
  });

  it('gives each unclassifiable operation its reason', () => {
    const map = inferResources(
      specOf({
        '/pets': { post: { responses: { '201': json(item) } }, put: { responses: { '200': json(item) } } },
        '/pets/{id}': { get: { responses: { '200': json(item) } }, post: { responses: { '200': json(item) } } },
        '/pets/{id}/owners/{owner}/card': { get: { responses: { '200': json(item) } } },
      }),
    );
    expect(reasonOf(map, 'PUT', '/pets')).toMatch(/collection path of pets is no collection role/);
    expect(reasonOf(map, 'POST', '/pets/{id}')).toMatch(/item path of pets is no collection role/);
    expect(reasonOf(map, 'GET', '/pets/{id}/owners/{owner}/card')).toMatch(/parameters beyond the item of pets/);
  });

  it('finds self links in link containers, URL members and URI references', () => {
    const links = (properties: Record<string, unknown>) =>
      inferResources(specOf({ '/x': { post: { responses: { '201': json({ type: 'object', properties: { id: { type: 'string' }, ...properties } }) } } }, '/x/{id}': { get: { responses: { '200': json({ type: 'object', properties: { id: { type: 'string' }, ...properties } }) } } } }))
        .collections[0]!.item.selfLinks;
    expect(links({ url: { type: 'string', format: 'uri' }, html_url: { type: 'string', format: 'uri' } })).toEqual([{ path: ['url'], absolute: true }]);
    expect(links({ url: { type: 'string' } })).toEqual([]);
    expect(links({ href: { type: 'string', format: 'uri-reference' } })).toEqual([{ path: ['href'], absolute: false }]);
    expect(links({ urls: { type: 'object', properties: { self: { type: 'string' }, ui: { type: 'string' } } } })).toEqual([{ path: ['urls', 'self'], absolute: true }]);
    expect(links({ _links: { type: 'object', properties: { self: { type: 'object', properties: { href: { type: 'string' } } } } } })).toEqual([
      { path: ['_links', 'self', 'href'], absolute: true },
    ]);
  });

  it('writes integer timestamps as Unix seconds', () => {
    const map = inferResources(
      specOf({
        '/x': { post: { responses: { '201': json({ type: 'object', properties: { id: { type: 'string' }, created: { type: 'integer' } } }) } } },
      }),
    );
    expect(map.collections[0]!.item.created).toEqual({ name: 'created', encoding: 'unix' });
  });

  it('reads 3.0 nullable and keeps a create-only collection without 201 out', () => {
    const map = inferResources(
      specOf(
        {
          '/x': { post: { responses: { '201': json({ type: 'object', properties: { id: { type: 'string' }, note: { type: 'string', nullable: true } } }) } } },
          '/search': { post: { responses: { '200': json({ type: 'object', properties: { id: { type: 'string' } } }) } } },
          '/empty': { post: { responses: { '204': empty() } } },
        },
        {},
        '3.0.3',
      ),
    );
    expect(map.collections.map((entry) => entry.name)).toEqual(['x']);
    expect(map.collections[0]!.item.nullable).toEqual(['note']);
  });
});
