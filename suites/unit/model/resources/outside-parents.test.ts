import { describe, expect, it } from 'vitest';
import type { ItemPath } from '../../../../src/model/resources/index.js';
import { json, ref, specOf } from './documents.js';
import { harness } from './fake-env.js';

const ITEM = { type: 'object', properties: { id: { type: 'string', readOnly: true }, message: { type: 'string' } } };

// The stores themselves are another layer's: only the orders below them are in the map.
const spec = specOf(
  {
    '/stores/{store_id}/orders': {
      post: { operationId: 'create_order', requestBody: { content: { 'application/json': { schema: ref('Order') } } }, responses: { '201': json(ref('Order')) } },
      get: { operationId: 'list_orders', responses: { '200': json({ type: 'array', items: ref('Order') }) } },
    },
    '/stores/{store_id}/orders/{order_id}': { get: { operationId: 'get_order', responses: { '200': json(ref('Order')), '404': json(ref('Order')) } } },
  },
  { Order: ITEM },
);

describe('parents another layer serves', () => {
  it('answer 404 below an item the environment says does not exist, and serve below one that does', () => {
    const asked: ItemPath[] = [];
    const { call } = harness(spec, {
      env: {
        itemExists(path) {
          asked.push(path);
          return path.values[0] === 'store_1';
        },
      },
    });
    const created = call('create_order', { params: { store_id: 'store_1' }, body: { message: 'two' } });
    expect(created.response).toMatchObject({ kind: 'body', status: 201 });
    expect(asked).toEqual([{ template: '/stores/{store_id}', values: ['store_1'] }]);
    const missing = call('create_order', { params: { store_id: 'store_2' }, body: { message: 'lost' } });
    expect(missing).toMatchObject({ response: { kind: 'problem', status: 404, code: 'resource_not_found' }, changes: [] });
    expect(missing.response.kind === 'problem' && missing.response.detail).toContain('/stores/store_2');
    expect(call('list_orders', { params: { store_id: 'store_2' } }).response).toMatchObject({ status: 404 });
    expect(call('list_orders', { params: { store_id: 'store_1' } }).response).toMatchObject({ kind: 'body', status: 200 });
  });

  it('leave a request alone where nothing knows the path above it, or no environment asks', () => {
    const unknown = harness(spec, { env: { itemExists: () => undefined } });
    expect(unknown.call('create_order', { params: { store_id: 'store_9' }, body: {} }).response).toMatchObject({ status: 201 });
    const none = harness(spec);
    expect(none.call('create_order', { params: { store_id: 'store_9' }, body: {} }).response).toMatchObject({ status: 201 });
  });
});
