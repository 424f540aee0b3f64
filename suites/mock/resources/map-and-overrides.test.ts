import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { inferResources, parseResourceOverrides } from '../../../src/model/resources/index.js';
import type { LoadedSpec, OpenApiDocument } from '../../../src/openapi/index.js';
import { ensureBuilt, runCli, startCli } from '../../helpers/cli-process.js';
import { serveApps } from '../../helpers/serve.js';
import { call, DOCUMENTS, loadDocument, serveResources } from './serve.js';

/** `POST /x` paired with `GET /x/{p}`, read straight from the document's paths, not by inference. */
function createAndReadPaths(document: OpenApiDocument): string[] {
  const paths = document.paths as Record<string, Record<string, unknown>>;
  return Object.keys(paths).filter(
    (path) =>
      paths[path]!.post &&
      !path.endsWith('}') &&
      Object.keys(paths).some(
        (other) => other.startsWith(`${path}/{`) && /^\{[^/]+\}$/.test(other.slice(path.length + 1)) && paths[other]!.get,
      ),
  );
}

function overridesFile(content: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'everruns-overrides-')), 'overrides.json');
  writeFileSync(file, content);
  return file;
}

// The create of declarative capabilities left to the document, and the agents renamed.
const CAPABILITY_FIX = {
  operations: { create_declarative_capability: { stateless: true } },
  collections: { '/v1/agents': { name: 'bots' } },
};

let spec: LoadedSpec;
beforeAll(async () => {
  spec = await loadDocument(DOCUMENTS.platform);
});

describe('GET /__mock/resources', () => {
  it('returns the inferred map as JSON, listing every collection with a create and an item read', async () => {
    const { server } = await serveResources(spec);
    const served = await call(server.url, 'GET', '/__mock/resources');
    expect(served.status).toBe(200);
    expect(served.body).toEqual(JSON.parse(JSON.stringify(inferResources(spec))));
    const paths = createAndReadPaths(spec.document);
    expect(paths.length).toBeGreaterThan(20);
    const createdElsewhere = new Set<string>(
      served.body.collections.flatMap((entry: { creators: Array<{ endpoint: { path: string } }> }) =>
        entry.creators.map((creator) => creator.endpoint.path),
      ),
    );
    for (const path of paths) {
      const collection = served.body.collections.find((entry: { path: string }) => entry.path === path);
      expect(collection, path).toBeDefined();
      expect(collection.roles.read, path).toBeDefined();
      // A create answering another collection's item creates there (POST /v1/capabilities).
      expect(collection.roles.create !== undefined || createdElsewhere.has(path), path).toBe(true);
    }
  });

  it('is a 404 problem on a mock with stateful layers but no inferred resources', async () => {
    // The library's Apps-only mock, as the helper builds it: no resources layer to describe.
    const apps = await serveApps();
    const answer = await call(apps.url, 'GET', '/__mock/resources');
    expect(answer.status).toBe(404);
    expect(answer.body).toMatchObject({ status: 404, code: 'route_not_found' });
    const state = await call(apps.url, 'GET', '/__mock/state');
    expect(Object.keys(state.body)).toEqual(expect.arrayContaining(['apps', 'runs', 'version']));
    expect(state.body.resources).toBeUndefined();
  });
});

describe('resource overrides correct a wrong guess', () => {
  it('without them, a declarative capability created reads back where the document serves it, as its self link says', async () => {
    const { server } = await serveResources(spec);
    const created = await call(server.url, 'POST', '/v1/capabilities', { name: 'research_pack', definition: {} });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const self = new URL(created.body.self_url);
    expect(self.pathname.startsWith('/v1/capabilities/declarative/')).toBe(true);
    expect(await call(server.url, 'GET', self.pathname)).toMatchObject({ status: 200, body: { id: created.body.id } });
    expect((await call(server.url, 'GET', '/__mock/state')).body.resources.records).toEqual([
      expect.objectContaining({ collection: 'declarative', madeBy: 'POST /v1/capabilities' }),
    ]);
  });

  it('with them, the create is left to the document, the item read answers, and the map says why', async () => {
    const { server } = await serveResources(spec, { overrides: parseResourceOverrides(CAPABILITY_FIX, 'overrides.json') });
    const read = await call(server.url, 'GET', '/v1/capabilities/cap_0123');
    expect(read.status).toBe(200);
    const map = (await call(server.url, 'GET', '/__mock/resources')).body;
    expect(map.stateless).toContainEqual(
      expect.objectContaining({ operationId: 'create_declarative_capability', reason: 'marked stateless by an override' }),
    );
    expect(map.collections.find((entry: { path: string }) => entry.path === '/v1/agents')).toMatchObject({
      name: 'bots',
      source: 'override',
    });
    const agent = await call(server.url, 'POST', '/v1/agents', { name: 'Renamed', system_prompt: 'x' });
    expect((await call(server.url, 'GET', '/__mock/state')).body.resources.records[0]).toMatchObject({
      collection: 'bots',
      id: agent.body.id,
    });
  });
});

const PLATFORM_MOCK = ['mock', '--spec', DOCUMENTS.platform, '--port', '0', '--quiet'];

describe('mock --resource-overrides and the printed map', () => {
  beforeAll(ensureBuilt, 180_000);

  it('prints a dozen collections and the summary, all of them and every stateless operation with --verbose', async () => {
    const compact = await startCli(PLATFORM_MOCK);
    await compact.stop();
    const out = compact.stdout();
    // The platform's document has the Apps routes: the Apps layer serves them, the inferred resources the rest.
    expect(out).toMatch(/mode: stateful \(Apps \+ inferred resources\), in memory/);
    expect(out).not.toMatch(/^ {2}apps +\/v1\/apps/m);
    expect(out).toMatch(/^ {2}agents +\/v1\/agents\[\/\{agent_id\}\] +create list read update upsert delete +id: id \(agent_<32 hex>\)/m);
    expect(out).toMatch(/… and \d+ more collections \(--verbose or GET \/__mock\/resources lists them all\)/);
    expect(out).toMatch(/^ {2}\d+ collections, \d+ operations left stateless$/m);
    expect(out).not.toMatch(/stateless {2}GET/);

    const file = overridesFile(JSON.stringify(CAPABILITY_FIX));
    const verbose = await startCli([...PLATFORM_MOCK, '--verbose', '--resource-overrides', file]);
    const served = await call(verbose.url, 'GET', '/v1/capabilities/cap_0123');
    await verbose.stop();
    expect(served.status).toBe(200);
    expect(verbose.stdout()).toMatch(/^ {2}bots +\/v1\/agents/m);
    expect(verbose.stdout()).toMatch(/^ {4}stateless {2}POST \/v1\/capabilities {2}\(marked stateless by an override\)$/m);
    expect(verbose.stdout()).not.toMatch(/… and \d+ more collections/);
  });

  it.each([
    ['not JSON', '{"operations": ', /overrides\.json is not valid JSON/],
    ['an unknown member', JSON.stringify({ collection: {} }), /unknown member "collection"/],
    [
      'an operation the document lacks',
      JSON.stringify({ operations: { no_such_operation: { stateless: true } } }),
      /no operation "no_such_operation"/,
    ],
    ['a wrong type', JSON.stringify({ operations: { create_agent: { stateless: 'yes' } } }), /"stateless" must be true or false/],
    ['a path that is no collection', JSON.stringify({ collections: { '/v1/agents/config': { name: 'cfg' } } }), /\/v1\/agents\/config/],
  ])('exits 2 with one line for an overrides file with %s', async (_what, content, mention) => {
    const result = await runCli([...PLATFORM_MOCK, '--resource-overrides', overridesFile(content)]);
    expect(result.code, result.stderr).toBe(2);
    const lines = result.stderr.trim().split('\n');
    expect(lines, result.stderr).toHaveLength(1);
    expect(lines[0]).toMatch(mention);
    expect(lines[0]).toContain('overrides.json');
    expect(result.stdout).not.toContain('listening on');
  });

  it('refuses --resource-overrides, --state and --load with --stateless', async () => {
    const result = await runCli([
      'mock',
      '--spec',
      DOCUMENTS.platform,
      '--port',
      '0',
      '--stateless',
      '--resource-overrides',
      overridesFile('{}'),
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toMatch(/drop --stateless/);
  });

  it('keeps the Apps layer on the bundled document and shows both states under their own keys', async () => {
    const cli = await startCli(['mock', '--port', '0', '--quiet']);
    const state = await call(cli.url, 'GET', '/__mock/state');
    expect(Object.keys(state.body)).toEqual(expect.arrayContaining(['apps', 'resources', 'runs', 'version']));
    expect(state.body.resources).toEqual({ version: 1, records: [] });
    expect((await call(cli.url, 'GET', '/__mock/resources')).body).toMatchObject({ version: 1, collections: [] });
    await cli.stop();
    expect(cli.stdout()).toMatch(/mode: stateful \(Apps\), in memory/);
  });

  it('serves the document statelessly with --stateless', async () => {
    const cli = await startCli([...PLATFORM_MOCK, '--stateless']);
    expect((await call(cli.url, 'GET', '/__mock/resources')).body).toEqual({ stateless: true });
    expect((await call(cli.url, 'GET', '/__mock/state')).body).toEqual({ stateless: true });
    // Stateless: any id answers from the document.
    expect((await call(cli.url, 'GET', '/v1/agents/agent_0123456789abcdef0123456789abcdef')).status).toBe(200);
    await cli.stop();
    expect(cli.stdout()).toMatch(/mode: stateless/);
  });
});
