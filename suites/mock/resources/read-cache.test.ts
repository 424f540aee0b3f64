import { beforeAll, describe, expect, it } from 'vitest';
import { Router } from '../../../src/mock/index.js';
import type { LoadedSpec } from '../../../src/openapi/index.js';
import { SpecValidator, validateResponse } from '../../../src/validation/index.js';
import { call, DOCUMENTS, loadDocument, serveResources } from './serve.js';

/**
 * An inferred item read again and again is answered from a body kept with its stored version
 * (checked and serialised once). Every kind of change must show in the very next read: each item is
 * read twice before a change, so the second read comes from what was kept, and the read after the
 * change must answer the change, valid against the document.
 */

const AGENT = { name: 'Cached', system_prompt: 'Be quick.', description: 'First' };

describe("reads of an inferred item after each kind of change (the platform's document)", () => {
  let spec: LoadedSpec;
  let validator: SpecValidator;
  let router: Router;
  beforeAll(async () => {
    spec = await loadDocument(DOCUMENTS.platform);
    validator = new SpecValidator(spec);
    router = new Router(spec.operations);
  });

  /** GET the item twice (the second from what was kept), each answer valid against the document; returns the last. */
  async function readTwice(url: string, path: string, headers: Record<string, string> = {}) {
    let answer = await call(url, 'GET', path, undefined, headers);
    for (let i = 0; i < 2; i++) {
      if (i === 1) answer = await call(url, 'GET', path, undefined, headers);
      const route = router.resolve('GET', path);
      if (!route.ok) throw new Error(`GET ${path} does not route`);
      const checked = validateResponse(validator, route.operation, { status: answer.status, headers: answer.headers, body: answer.body });
      expect(checked.violations, answer.text).toEqual([]);
    }
    return answer;
  }

  async function createdAgent() {
    const { server } = await serveResources(spec);
    const created = await call(server.url, 'POST', '/v1/agents', AGENT);
    expect(created.status).toBe(201);
    const path = `/v1/agents/${created.body.id}`;
    expect((await readTwice(server.url, path)).body).toEqual(created.body);
    return { url: server.url, path, created: created.body };
  }

  it('answers a PATCH in the next read', async () => {
    const { url, path } = await createdAgent();
    const patched = await call(url, 'PATCH', path, { name: 'Patched', description: null });
    expect(patched.status).toBe(200);
    const read = await readTwice(url, path);
    expect(read.body).toMatchObject({ name: 'Patched', description: null, system_prompt: 'Be quick.' });
    expect(read.body).toEqual(patched.body);
  });

  it('answers a PUT in the next read', async () => {
    const { url, path } = await createdAgent();
    const replaced = await call(url, 'PUT', path, { name: 'Replaced', system_prompt: 'Be thorough.' });
    expect(replaced.status).toBe(200);
    const read = await readTwice(url, path);
    expect(read.body).toMatchObject({ name: 'Replaced', system_prompt: 'Be thorough.' });
    expect(read.body.description).not.toBe('First');
  });

  it('answers a DELETE in the next read with a 404', async () => {
    const { url, path } = await createdAgent();
    expect((await call(url, 'DELETE', path)).status).toBeLessThan(300);
    expect((await readTwice(url, path)).status).toBe(404);
  });

  it('keeps the source of a copy as it was and serves the copy', async () => {
    const { url, path, created } = await createdAgent();
    const copy = await call(url, 'POST', `${path}/copy`);
    expect(copy.status, copy.text).toBeLessThan(300);
    expect(copy.body.id).not.toBe(created.id);
    expect((await readTwice(url, path)).body).toEqual(created);
    expect((await readTwice(url, `/v1/agents/${copy.body.id}`)).body).toMatchObject({ id: copy.body.id, system_prompt: 'Be quick.' });
  });

  it('answers a reset with a 404 and a loaded state with its own item', async () => {
    const { url, path, created } = await createdAgent();
    const exported = (await call(url, 'GET', '/__mock/state?secrets=include')).body as { resources: { records: Array<Record<string, unknown>> } };
    expect((await call(url, 'POST', '/__mock/reset')).status).toBe(204);
    expect((await readTwice(url, path)).status).toBe(404);

    const [record] = exported.resources.records;
    const renamed = { ...record, representation: { ...(record!.representation as object), name: 'Loaded' } };
    expect((await call(url, 'PUT', '/__mock/state', { resources: { version: 1, records: [renamed] } })).status).toBe(204);
    const read = await readTwice(url, path);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ id: created.id, name: 'Loaded' });
  });

  it('builds the self link on the origin each read reached, one after the other', async () => {
    const { url, path } = await createdAgent();
    const proxied = await readTwice(url, path, { 'x-forwarded-host': 'edge.example.test', 'x-forwarded-proto': 'https' });
    expect(proxied.body.self_url).toBe(`https://edge.example.test${path}`);
    expect((await readTwice(url, path)).body.self_url).toBe(`${url}${path}`);
  });
});
