import { beforeAll, describe, expect, it } from 'vitest';
import type { LoadedSpec } from '../../../src/openapi/index.js';
import { DOCUMENTS, loadDocument, resetMock, serveResources } from './serve.js';
import { creatableAndReadable, ResourceWalker } from './walk.js';

/**
 * Collections a walk cannot pass through, for reasons in the document itself:
 * - capabilities: `POST /v1/capabilities` answers a declarative capability whose `id` is not the
 *   `capability_id` its item path takes (the operation says so), so inference pairs it with the
 *   wrong item path; `resources-overrides.test.ts` corrects that guess with an override.
 * - images: the create declares `multipart/form-data` with a `string` schema, which no form (an
 *   object of parts, OAS 3.1 §4.8.14.4) satisfies, so every create is a 400.
 */
const DOCUMENT_LIMITS = new Set(['capabilities', 'images']);

describe("the platform's own document served statefully", () => {
  let spec: LoadedSpec;
  beforeAll(async () => {
    spec = await loadDocument(DOCUMENTS.platform);
  });

  it(
    'walks create → read → list → update → delete → 404 through every collection with a create and an item read',
    { timeout: 120_000 },
    async () => {
      const started = performance.now();
      const { server, map } = await serveResources(spec);
      console.log(`platform document: mock started in ${(performance.now() - started).toFixed(0)} ms (document already loaded)`);
      // Those whose items carry no id a client could read back (a2a channels, plugins...) are created only.
      const collections = creatableAndReadable(map).filter((collection) => !DOCUMENT_LIMITS.has(collection.name));
      expect(collections.map((collection) => collection.name)).toEqual(
        expect.arrayContaining(['agents', 'harnesses', 'sessions', 'apps', 'skills', 'knowledge-bases', 'entries', 'workspaces']),
      );
      const walker = new ResourceWalker(spec, map, { url: server.url });
      let walked = 0;
      for (const collection of collections) {
        await resetMock(server.url);
        if (collection.id.source === 'none') await walker.create(collection, (await walker.scopeOf(collection))!);
        else if ((await walker.walk(collection)) !== undefined) walked += 1;
      }
      expect(walker.failures).toEqual([]);
      expect(walked).toBe(collections.filter((collection) => collection.id.source !== 'none').length);
    },
  );
});
