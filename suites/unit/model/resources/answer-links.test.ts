import { describe, expect, it } from 'vitest';
import { AnswerLinkReader, inferResources, placeSelfLinks, selfLinkPath, type AnswerLinks } from '../../../../src/model/resources/index.js';
import { json, ref, specOf } from './documents.js';

const pathId = (name: string) => ({ name, in: 'path', required: true, schema: { type: 'string' } });
const LINKED = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    self_url: { type: 'string', format: 'uri' },
    _links: { type: 'object', properties: { self: { type: 'object', properties: { href: { type: 'string', format: 'uri-reference' } } } } },
  },
};

/** Stores below a parent, a read-only kind, and routes answering their items without state. */
function linkedSpec() {
  return specOf(
    {
      '/orgs/{org}/stores': { parameters: [pathId('org')], post: { responses: { '201': json(ref('Store')) } } },
      '/orgs/{org}/stores/{store_id}': {
        parameters: [pathId('org'), pathId('store_id')],
        get: { responses: { '200': json(ref('Store')) } },
      },
      '/orgs/{org}/stores/{store_id}/stats': {
        parameters: [pathId('org'), pathId('store_id')],
        get: { responses: { '200': json({ type: 'object', properties: { self: { type: 'string' } } }) } },
      },
      '/orgs/{org}/featured': { parameters: [pathId('org')], get: { operationId: 'featured', responses: { '200': json(ref('Store')) } } },
      '/featured': { get: { operationId: 'featured_anywhere', responses: { '200': json(ref('Store')) } } },
      '/health': { get: { responses: { '200': json({ type: 'object', properties: { status: { type: 'string' } } }) } } },
    },
    { Store: LINKED },
  );
}

const responsePointer = (path: string, method = 'get', status = '200') =>
  `#/paths/${path.replace(/~/g, '~0').replace(/\//g, '~1')}/${method}/responses/${status}/content/application~1json/schema`;

describe('AnswerLinkReader', () => {
  const spec = linkedSpec();
  const schemaAt = (path: string) =>
    (spec.document.paths as Record<string, any>)[path].get.responses['200'].content['application/json'].schema;

  it('finds the self links of an answer, and the collection whose item it is', () => {
    const reader = new AnswerLinkReader(spec.document, inferResources(spec));
    const featured = reader.linksOf(responsePointer('/orgs/{org}/featured'), schemaAt('/orgs/{org}/featured'), '/orgs/{org}/featured');
    expect(featured.links).toEqual([
      { path: ['self_url'], absolute: true },
      { path: ['_links', 'self', 'href'], absolute: false },
    ]);
    expect(featured.item?.name).toBe('stores');
    expect(reader.linksOf(responsePointer('/health'), schemaAt('/health'), '/health')).toEqual({ links: [], item: undefined });
  });

  it('knows no item without a map (a stateless mock)', () => {
    const reader = new AnswerLinkReader(spec.document, undefined);
    const featured = reader.linksOf(responsePointer('/orgs/{org}/featured'), schemaAt('/orgs/{org}/featured'), '/orgs/{org}/featured');
    expect(featured.links).toHaveLength(2);
    expect(featured.item).toBeUndefined();
  });
});

describe('selfLinkPath', () => {
  const map = inferResources(linkedSpec());
  const stores = map.collections.find((collection) => collection.name === 'stores')!;
  const asItem: AnswerLinks = { links: stores.item.selfLinks, item: stores };

  it('names the request’s own path on an item route, whatever id the answer carries', () => {
    const request = { template: '/orgs/{org}/stores/{store_id}', pathParams: { org: 'acme', store_id: 'a b' } };
    expect(selfLinkPath(asItem, { id: 'sample' }, request)).toBe('/orgs/acme/stores/a%20b');
  });

  it('names the item by the id the answer carries, where the request names its parents', () => {
    expect(selfLinkPath(asItem, { id: 's/1' }, { template: '/orgs/{org}/featured', pathParams: { org: 'acme' } })).toBe(
      '/orgs/acme/stores/s%2F1',
    );
    expect(selfLinkPath(asItem, { id: 7 }, { template: '/orgs/{org}/featured', pathParams: { org: 'acme' } })).toBe('/orgs/acme/stores/7');
  });

  it('falls back to the request’s own path: no id, no parent to name, no item', () => {
    expect(selfLinkPath(asItem, {}, { template: '/orgs/{org}/featured', pathParams: { org: 'acme' } })).toBe('/orgs/acme/featured');
    expect(selfLinkPath(asItem, { id: { nested: true } }, { template: '/orgs/{org}/featured', pathParams: { org: 'acme' } })).toBe(
      '/orgs/acme/featured',
    );
    expect(selfLinkPath(asItem, { id: 's1' }, { template: '/featured', pathParams: {} })).toBe('/featured');
    expect(
      selfLinkPath({ links: asItem.links, item: undefined }, { id: 's1' }, { template: '/orgs/{org}/featured', pathParams: { org: 'x' } }),
    ).toBe('/orgs/x/featured');
  });
});

describe('placeSelfLinks', () => {
  it('puts the whole URL in absolute links and the path in URI references, copying the containers on the way', () => {
    const links = [
      { path: ['self_url'], absolute: true },
      { path: ['_links', 'self', 'href'], absolute: false },
    ];
    const shared = { self: { href: 'https://www.example.com/sample' }, next: { href: '/next' } };
    const target: Record<string, unknown> = { id: '1', self_url: 'https://www.example.com/x', _links: shared };
    placeSelfLinks(target, links, '/stores/1', 'https://api.example.test');
    expect(target).toEqual({
      id: '1',
      self_url: 'https://api.example.test/stores/1',
      _links: { self: { href: '/stores/1' }, next: { href: '/next' } },
    });
    // The sample it came from is untouched.
    expect(shared.self.href).toBe('https://www.example.com/sample');
  });

  it('makes missing containers, and gives the path alone without an origin', () => {
    const target: Record<string, unknown> = { urls: 'not an object' };
    placeSelfLinks(target, [{ path: ['urls', 'self'], absolute: true }], '/a', undefined);
    expect(target).toEqual({ urls: { self: '/a' } });
  });
});
