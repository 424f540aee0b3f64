import { describe, expect, it } from 'vitest';
import { call, DOCUMENTS, loadDocument, serveResources } from './serve.js';

/**
 * `PUT /__mock/state` on inferred resources: what `GET /__mock/state` exported loads back into a
 * fresh mock and is served, and a snapshot with one bad record changes nothing.
 */
describe('PUT /__mock/state with inferred resources (the platform document)', () => {
  it('loads an exported state into a fresh mock, which then serves its items', async () => {
    const spec = await loadDocument(DOCUMENTS.platform);
    const first = await serveResources(spec);
    const created = await call(first.server.url, 'POST', '/v1/harnesses', { name: 'loaded-harness', display_name: 'Loaded' });
    expect(created.status).toBe(201);
    const exported = (await call(first.server.url, 'GET', '/__mock/state')).body as { resources: { records: unknown[] } };
    expect(exported.resources.records).toHaveLength(1);

    const second = await serveResources(spec);
    expect((await call(second.server.url, 'GET', `/v1/harnesses/${created.body.id}`)).status).toBe(404);
    expect((await call(second.server.url, 'PUT', '/__mock/state', exported)).status).toBe(204);
    const read = await call(second.server.url, 'GET', `/v1/harnesses/${created.body.id}`);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ id: created.body.id, name: 'loaded-harness' });
  });

  it('refuses a snapshot with a malformed record with a 400 naming it, and keeps every item', async () => {
    const spec = await loadDocument(DOCUMENTS.platform);
    const { server } = await serveResources(spec);
    const created = await call(server.url, 'POST', '/v1/harnesses', { name: 'kept-harness', display_name: 'Kept' });
    const before = (await call(server.url, 'GET', '/__mock/state')).body as { resources: { records: Array<Record<string, unknown>> } };
    const broken = { resources: { version: 1, records: [{ ...before.resources.records[0], collection: 'no-such-collection' }] } };
    const refused = await call(server.url, 'PUT', '/__mock/state', broken);
    expect(refused.status).toBe(400);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.body.detail).toMatch(/no-such-collection/);
    expect((await call(server.url, 'GET', `/v1/harnesses/${created.body.id}`)).status).toBe(200);
    expect((await call(server.url, 'GET', '/__mock/state')).body).toEqual(before);
  });
});
