import { describe, expect, it } from 'vitest';
import { DOCUMENTS, loadDocument, resetMock, serveResources } from './serve.js';
import { creatableAndReadable, ResourceWalker } from './walk.js';

const OAS_31_PETSTORE = DOCUMENTS.petstore.replace('/3.0/', '/3.1/');

/**
 * The same walk on other real documents: petstore (3.0, security enforced: the walk sends the
 * credentials each operation declares), a 3.1 document (train-travel, petstore 3.1) and GitHub's REST
 * description, whose few collections that can be written to are walked and whose read-only ones are
 * served from the document.
 */
describe('the inferred resources of real documents', () => {
  // Petstore declares no success for addPet (only a 405), deletePet, deleteOrder, updateUser nor deleteUser (400, 404): the mock
  // answers those with the model's status, a defect of the document the walk pins here.
  const PETSTORE_GAPS = [
    'POST /pet → 201',
    'DELETE /pet/{petId} → 204',
    'DELETE /store/order/{orderId} → 204',
    'PUT /user/{username} → 200',
    'DELETE /user/{username} → 204',
  ];

  it.each([
    ['petstore 3.0', DOCUMENTS.petstore, ['pet', 'order', 'user'], PETSTORE_GAPS],
    ['petstore 3.1', OAS_31_PETSTORE, ['pet', 'order', 'user'], PETSTORE_GAPS],
    ['train-travel 3.1', DOCUMENTS.trainTravel, ['bookings'], []],
  ])('walks every collection of %s with every answer valid', { timeout: 60_000 }, async (_name, path, expected, gaps) => {
    const spec = await loadDocument(path);
    const { server, map } = await serveResources(spec);
    const collections = creatableAndReadable(map);
    expect(collections.map((collection) => collection.name)).toEqual(expected);
    const walker = new ResourceWalker(spec, map, { url: server.url });
    for (const collection of collections) {
      await resetMock(server.url);
      expect(await walker.walk(collection), collection.name).toBeDefined();
    }
    expect(walker.failures).toEqual([]);
    expect([...walker.gaps].sort()).toEqual([...gaps].sort());
    // Security is enforced before the model: the same read without credentials is a 401.
    const secured = spec.operations.find(
      (operation) => operation.method === 'GET' && operation.security?.length && Object.keys(operation.security[0] as object).length > 0,
    );
    if (secured) {
      const exchange = await walker.exchange(secured, secured.path.replace(/\{[^}]+\}/g, '1'), {});
      expect(exchange.status).toBe(401);
    }
  });

  it("walks GitHub's writable collections and serves its read-only ones from the document", { timeout: 120_000 }, async () => {
    const started = performance.now();
    const spec = await loadDocument(DOCUMENTS.github);
    const { server, map } = await serveResources(spec);
    console.log(
      `GitHub: ${map.collections.length} collections inferred, mock up in ${(performance.now() - started).toFixed(0)} ms (load included)`,
    );
    const walker = new ResourceWalker(spec, map, { url: server.url });
    // Writes make sense here: a gist, a comment on it, an org's webhook.
    for (const name of ['gists', 'gists.comments', 'orgs.hooks']) {
      const collection = map.collections.find((entry) => entry.name === name)!;
      expect(await walker.walk(collection), name).toBeDefined();
    }
    // Read-only collections (advisories, licenses, ...) answer from the document, as a stateless mock does.
    const readOnly = map.collections
      .filter((collection) => !collection.writable && collection.ancestors.length === 0 && collection.roles.read)
      .slice(0, 10);
    expect(readOnly.length).toBeGreaterThan(3);
    for (const collection of readOnly) {
      const exchange = await walker.send(collection.roles.read!, {});
      expect(exchange.status, `${collection.name}: ${exchange.text.slice(0, 200)}`).toBe(collection.roles.read!.status);
    }
    expect(walker.failures).toEqual([]);
  });
});
