import { describe, expect, it } from 'vitest';
import { SpecError, UsageError } from '../../../../src/core/index.js';
import {
  createResourceModel,
  describeResourceMap,
  inferResources,
  parseResourceOverrides,
  RESOURCE_EXTENSION,
  type ResourceMap,
  type ResourceSpec,
} from '../../../../src/model/resources/index.js';
import { json, ref, specOf } from './documents.js';
import { bodyOf, caller, fakeEnv, harness, ORIGIN } from './fake-env.js';

const pathId = (name: string) => ({ name, in: 'path', required: true, schema: { type: 'string' } });
const ITEM = {
  type: 'object',
  properties: { id: { type: 'string', readOnly: true }, name: { type: 'string' }, self_url: { type: 'string', readOnly: true } },
};
const COUNTED = { allOf: [ref('Item'), { type: 'object', properties: { runs: { type: 'integer' } } }] };

/** Items with a create answering `Item` and a read answering it with counts, and routes beside them. */
function itemsSpec(extra: Record<string, unknown> = {}, schemas: Record<string, unknown> = {}): ResourceSpec {
  return specOf(
    {
      '/items': { post: { operationId: 'create_item', responses: { '201': json(ref('Item')) } } },
      '/items/{item_id}': {
        parameters: [pathId('item_id')],
        get: { operationId: 'get_item', responses: { '200': json(COUNTED), '404': json({ type: 'object' }) } },
        delete: { operationId: 'delete_item', responses: { '204': { description: 'gone' } } },
      },
      '/items/import': {
        post: {
          operationId: 'import_item',
          requestBody: { content: { 'text/plain': { schema: { type: 'string' } } } },
          responses: { '200': json(ref('Item')), '201': json(ref('Item')) },
        },
      },
      '/items/current': { post: { operationId: 'current_item', responses: { '200': json(ref('Item')) } } },
      '/items/preview': {
        post: {
          operationId: 'preview_item',
          responses: { '200': json({ type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' } } }) },
        },
      },
      ...extra,
    },
    { Item: ITEM, ...schemas },
  );
}

const creatorsOf = (map: ResourceMap) =>
  map.collections.flatMap((collection) =>
    collection.creators.map((creator) => `${collection.name} ← ${creator.endpoint.operationId} (${creator.effect}, ${creator.source})`),
  );

describe('inferResources: routes that create items of a collection', () => {
  it('takes a POST beside a collection that answers exactly its item (as its create does) for a creator', () => {
    const map = inferResources(itemsSpec());
    expect(creatorsOf(map)).toEqual(['items ← import_item (create, inferred)', 'items ← current_item (once, inferred)']);
    const items = map.collections.find((collection) => collection.name === 'items')!;
    expect(items.creators[0]!.endpoint).toMatchObject({ method: 'POST', path: '/items/import', status: 201, body: 'item' });
    // A look-alike with fewer members is something else: left to the document.
    expect(map.stateless.map((entry) => entry.operationId)).toEqual(['preview_item']);
    expect(describeResourceMap(map)[0]).toContain('also created by: POST /items/import, POST /items/current (get-or-create)');
  });

  it('needs an item read to link to, and a route that names nothing but the collection’s scope', () => {
    const withoutRead = inferResources(
      specOf(
        {
          '/notes': { post: { responses: { '201': json(ref('Note')) } } },
          '/notes/import': { post: { operationId: 'import_note', responses: { '201': json(ref('Note')) } } },
        },
        { Note: ITEM },
      ),
    );
    expect(creatorsOf(withoutRead)).toEqual([]);
    const acting = inferResources(
      itemsSpec({
        '/teams/{team}/members/{item_name}/stop': {
          parameters: [pathId('team'), pathId('item_name')],
          post: { operationId: 'stop_item', responses: { '200': json(ref('Item')) } },
        },
      }),
    );
    expect(creatorsOf(acting)).not.toContainEqual(expect.stringContaining('stop_item'));
    expect(acting.stateless.map((entry) => entry.operationId)).toContain('stop_item');
    // Deeper literal routes act on items their body names (a copy, a move), they are not beside the items.
    const deeper = inferResources(
      itemsSpec({ '/items/_/copy': { post: { operationId: 'copy_items', responses: { '201': json(ref('Item')) } } } }),
    );
    expect(creatorsOf(deeper)).not.toContainEqual(expect.stringContaining('copy_items'));
  });

  it('creates nested items in the scope its path carries', () => {
    const spec = specOf(
      {
        '/stores': { post: { operationId: 'create_store', responses: { '201': json(ref('Store')) } } },
        '/stores/{store_id}': { parameters: [pathId('store_id')], get: { responses: { '200': json(ref('Store')) } } },
        '/stores/{store_id}/items': {
          parameters: [pathId('store_id')],
          post: { operationId: 'create_item', responses: { '201': json(ref('Item')) } },
        },
        '/stores/{store_id}/items/{item_id}': {
          parameters: [pathId('store_id'), pathId('item_id')],
          get: { operationId: 'get_item', responses: { '200': json(ref('Item')) } },
        },
        '/stores/{store_id}/items/import': {
          parameters: [pathId('store_id')],
          post: { operationId: 'import_item', responses: { '201': json(ref('Item')) } },
        },
      },
      { Store: { type: 'object', properties: { id: { type: 'string' } } }, Item: ITEM },
    );
    const { call, model } = harness(spec);
    expect(creatorsOf(model.map)).toEqual(['items ← import_item (create, inferred)']);
    // Below a store that does not exist it answers 404, as the create does.
    expect(call('import_item', { params: { store_id: 'missing' } }).response).toMatchObject({ kind: 'problem', status: 404 });
    const store = bodyOf(call('create_store')).id as string;
    const item = bodyOf(call('import_item', { params: { store_id: store } }));
    expect(item.self_url).toBe(`${ORIGIN}/stores/${store}/items/${item.id}`);
    expect(bodyOf(call('get_item', { params: { store_id: store, item_id: item.id } }))).toEqual(item);
  });

  it('moves a create that answers another collection’s item, and not its own, over to that collection', () => {
    const spec = specOf(
      {
        '/capabilities': {
          get: { responses: { '200': json({ type: 'object', properties: { data: { type: 'array', items: ref('Info') } } }) } },
          post: { operationId: 'create_declarative', responses: { '201': json(ref('Declarative')) } },
        },
        '/capabilities/{capability_id}': {
          parameters: [pathId('capability_id')],
          get: { operationId: 'get_info', responses: { '200': json(ref('Info')) } },
        },
        '/capabilities/declarative': {
          get: { responses: { '200': json({ type: 'object', properties: { data: { type: 'array', items: ref('Declarative') } } }) } },
        },
        '/capabilities/declarative/{capability_id}': {
          parameters: [pathId('capability_id')],
          get: { operationId: 'get_declarative', responses: { '200': json(ref('Declarative')) } },
          patch: { operationId: 'update_declarative', responses: { '200': json(ref('Declarative')) } },
        },
      },
      {
        Info: { type: 'object', properties: { id: { type: 'string' }, category: { type: 'string' } } },
        Declarative: {
          type: 'object',
          properties: { id: { type: 'string' }, definition: { type: 'object' }, status: { type: 'string' }, self_url: { type: 'string' } },
        },
      },
    );
    const map = inferResources(spec);
    const byName = new Map(map.collections.map((collection) => [collection.name, collection]));
    expect(creatorsOf(map)).toEqual(['declarative ← create_declarative (create, inferred)']);
    expect(byName.get('capabilities')).toMatchObject({ writable: false, roles: { read: {}, list: {} } });
    expect(byName.get('capabilities')!.roles.create).toBeUndefined();
    expect(byName.get('declarative')!.writable).toBe(true);
    // The collection left without a create serves from the document; the one that gained it holds items.
    expect(map.stateless.map((entry) => entry.operationId).filter((id) => id?.includes('info'))).toEqual(['get_info']);
    const { call } = harness(spec, { map });
    const created = bodyOf(call('create_declarative', { body: { definition: {} } }));
    expect(created).toMatchObject({ id: 'id1', definition: {}, self_url: `${ORIGIN}/capabilities/declarative/id1` });
    expect(bodyOf(call('get_declarative', { params: { capability_id: 'id1' } }))).toEqual(created);
  });

  it('of several collections with that item, picks the one whose path the route extends, else none', () => {
    const twins = (beside: string) =>
      specOf(
        {
          '/a': { post: { responses: { '201': json(ref('Item')) } } },
          '/a/{id}': { parameters: [pathId('id')], get: { responses: { '200': json(ref('Item')) } } },
          '/b': { post: { responses: { '201': json(ref('Item')) } } },
          '/b/{id}': { parameters: [pathId('id')], get: { responses: { '200': json(ref('Item')) } } },
          [beside]: { post: { operationId: 'make', responses: { '201': json(ref('Item')) } } },
        },
        { Item: ITEM },
      );
    expect(creatorsOf(inferResources(twins('/b/import')))).toEqual(['b ← make (create, inferred)']);
    expect(creatorsOf(inferResources(twins('/make')))).toEqual([]);
  });
});

describe('the resource model: a creator route', () => {
  it('stores an item the collection reads, lists and deletes, whatever the body it was sent', () => {
    const { call, model } = harness(itemsSpec());
    const imported = call('import_item', { body: 'name: from a file' });
    expect(imported.response).toMatchObject({ kind: 'body', status: 201 });
    const item = bodyOf(imported);
    expect(item).toMatchObject({ id: 'id1', self_url: `${ORIGIN}/items/id1` });
    expect(imported.changes).toEqual([
      { kind: 'put', key: JSON.stringify(['items', 'id1']), record: expect.objectContaining({ madeBy: 'POST /items/import' }) },
    ]);
    expect(bodyOf(call('get_item', { params: { item_id: 'id1' } }))).toEqual(item);
    // The collection's own create marks nothing.
    expect(call('create_item', { body: { name: 'plain' } }).changes[0]).toMatchObject({ kind: 'put', record: { id: 'id2' } });
    expect(model.find('items', 'id2')!.madeBy).toBeUndefined();
  });

  it('answers the item a get-or-create made while it lives, then makes another', () => {
    const { call } = harness(itemsSpec());
    const first = call('current_item');
    expect(first.response).toMatchObject({ kind: 'body', status: 200, body: { id: 'id1' } });
    const again = call('current_item', { body: { name: 'ignored' } });
    expect(again).toEqual({ response: first.response, changes: [] });
    // The collection's create does not make the get-or-create's item.
    call('create_item', { body: { name: 'other' } });
    expect(bodyOf(call('current_item')).id).toBe('id1');
    call('delete_item', { params: { item_id: 'id1' } });
    expect(bodyOf(call('current_item')).id).toBe('id3');
  });

  it('keeps which route made a record across a snapshot, and refuses a malformed one', () => {
    const spec = itemsSpec();
    const { call, model, map } = harness(spec);
    call('current_item');
    const snapshot = model.exportSnapshot();
    expect(snapshot.records[0]!.madeBy).toBe('POST /items/current');
    const restored = createResourceModel(map, fakeEnv(), snapshot);
    expect(bodyOf(caller(spec, restored)('current_item')).id).toBe('id1');
    const bad = { version: 1 as const, records: [{ ...snapshot.records[0]!, madeBy: 7 as unknown as string }] };
    expect(() => createResourceModel(map, fakeEnv(), bad)).toThrow(/madeBy that is no route/);
  });
});

describe('overriding a creator', () => {
  const overrides = (operations: Record<string, unknown>) => parseResourceOverrides({ operations }, 'overrides.json');

  it('names the collection a route creates, makes a get-or-create plain, or turns a creator off', () => {
    const forced = inferResources(itemsSpec(), overrides({ preview_item: { creates: '/items' }, current_item: { once: false } }));
    expect(creatorsOf(forced)).toEqual([
      'items ← preview_item (once, override)',
      'items ← import_item (create, inferred)',
      'items ← current_item (create, override)',
    ]);
    const off = inferResources(itemsSpec(), overrides({ 'POST /items/import': { stateless: true } }));
    expect(creatorsOf(off)).toEqual(['items ← current_item (once, inferred)']);
    expect(off.stateless.find((entry) => entry.operationId === 'import_item')!.reason).toBe('marked stateless by an override');
  });

  it('takes an action over when told it creates items of another collection', () => {
    const spec = itemsSpec(
      {
        '/boxes': { post: { responses: { '201': json(ref('Box')) } } },
        '/boxes/{box_id}': { parameters: [pathId('box_id')], get: { responses: { '200': json(ref('Box')) } } },
        '/boxes/{box_id}/contents': { parameters: [pathId('box_id')], post: { responses: { '201': json(ref('Content')) } } },
        '/boxes/{box_id}/contents/{content_id}': {
          parameters: [pathId('box_id'), pathId('content_id')],
          get: { responses: { '200': json(ref('Content')) } },
        },
        '/boxes/{box_id}/unpack': {
          parameters: [pathId('box_id')],
          post: { operationId: 'unpack', responses: { '200': json(ref('Content')) } },
        },
      },
      {
        Box: { type: 'object', properties: { id: { type: 'string' }, size: { type: 'integer' } } },
        Content: { type: 'object', properties: { id: { type: 'string' }, label: { type: 'string' } } },
      },
    );
    const boxes = (map: ResourceMap) => map.collections.find((collection) => collection.name === 'boxes')!;
    expect(boxes(inferResources(spec)).actions.map((action) => action.name)).toEqual(['unpack']);
    const forced = inferResources(spec, overrides({ unpack: { creates: '/boxes/{box_id}/contents', once: false } }));
    expect(boxes(forced).actions).toEqual([]);
    expect(creatorsOf(forced)).toContain('contents ← unpack (create, override)');
    // A route with a parameter the items do not sit below cannot create them: its scope would be misread.
    expect(() => inferResources(spec, overrides({ unpack: { creates: '/items' } }))).toThrow(/must name no parameters as \/items does/);
  });

  it.each([
    [{ preview_item: { creates: '/nothing' } }, /"creates": no collection at \/nothing/],
    [{ get_item: { creates: '/items' } }, /only a POST creates items, not GET/],
    [{ create_item: { creates: '/items' } }, /is the create of items already/],
    [{ preview_item: { once: true } }, /"once" is for a route that creates items/],
    [{ preview_item: { creates: 'items' } }, /names a collection by its path/],
    [{ preview_item: { stateless: true, creates: '/items' } }, /"stateless": true leaves nothing to create/],
    [{ preview_item: { once: 'yes' } }, /"once" must be true or false/],
    [{ preview_item: { stateless: true }, 'POST /items/preview': { creates: '/items' } }, /marked stateless by another entry/],
  ])('refuses %j with a UsageError naming the entry', (entries, message) => {
    const run = () => inferResources(itemsSpec(), overrides(entries));
    expect(run).toThrow(UsageError);
    expect(run).toThrow(message);
  });

  it('reads the same correction from the document, blaming the document', () => {
    const spec = itemsSpec();
    const node = (spec.document.paths as Record<string, Record<string, Record<string, unknown>>>)['/items/preview']!.post!;
    node[RESOURCE_EXTENSION] = { creates: '/items' };
    expect(creatorsOf(inferResources(spec))).toContain('items ← preview_item (once, override)');
    node[RESOURCE_EXTENSION] = { creates: '/nowhere' };
    expect(() => inferResources(spec)).toThrow(SpecError);
  });
});
