import { describe, expect, it } from 'vitest';
import type { CheckContext } from '../../../../src/conformance/checks/check.js';
import { linksResolve } from '../../../../src/conformance/checks/links-resolve.js';
import { responseSchemaConformance } from '../../../../src/conformance/checks/response-schema-conformance.js';
import { statusCodeConformance } from '../../../../src/conformance/checks/status-code-conformance.js';
import type { RequestKind } from '../../../../src/conformance/findings/exchange.js';
import type { LoadedSpec } from '../../../../src/openapi/index.js';
import { SpecValidator } from '../../../../src/validation/index.js';
import { documentWith, inlineSpec } from '../../../helpers/inline-spec.js';
import { context, exchange } from '../fixture.js';

const NEGATIVE: RequestKind = { kind: 'negative', keyword: 'type', pointer: '/query/per_page', description: 'not of type integer' };
const json = (schema: unknown, extra: Record<string, unknown> = {}) => ({
  description: 'ok',
  content: { 'application/json': { schema, ...extra } },
});

const PET = {
  type: 'object',
  required: ['id', 'self_url'],
  properties: {
    id: { type: 'string', format: 'uuid', example: 'not-a-uuid' },
    self_url: { type: 'string', format: 'uri', example: 'https://petstore.example/pets/1' },
    tag: { type: 'string', maxLength: 3 },
  },
};

async function setup(): Promise<{ spec: LoadedSpec; ctx: (extra?: Partial<CheckContext>) => Promise<CheckContext> }> {
  const spec = await inlineSpec(
    documentWith('3.1.0', {
      '/repos': { get: { operationId: 'listRepos', responses: { '200': json({ type: 'array' }), '404': { description: 'missing' } } } },
      '/pets/{id}': {
        get: {
          operationId: 'getPet',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { '200': json(PET, { example: { id: 'x', self_url: '/pets/x', tag: 'toolong' } }), '400': { description: 'bad' } },
        },
        delete: { operationId: 'deletePet', responses: { '404': { description: 'missing' } } },
      },
    }),
  );
  const validator = new SpecValidator(spec);
  return { spec, ctx: async (extra = {}) => ({ ...(await context()), spec, validator, ...extra }) };
}

const op = (spec: LoadedSpec, id: string) => spec.operations.find((operation) => operation.id === id)!;

describe('status_code_conformance: gaps of the document are document warnings, once for the whole API', () => {
  it('warns for invalid input answered with a 4xx where no status for rejecting it is declared; errors for valid input', async () => {
    const { spec, ctx } = await setup();
    const [gap] = await statusCodeConformance.run(exchange(op(spec, 'listRepos'), { status: 400 }, NEGATIVE), await ctx());
    expect(gap).toMatchObject({
      severity: 'warning',
      scope: 'api',
      key: 'no-rejection-status',
      title: 'No status declared for rejecting invalid input',
    });
    const [real] = await statusCodeConformance.run(exchange(op(spec, 'listRepos'), { status: 400 }), await ctx());
    expect(real).toMatchObject({ severity: 'error', key: 'status:400' });
    // Where a 400 is declared, another 4xx for invalid input is the target's choice, not the document's gap.
    const [declared] = await statusCodeConformance.run(exchange(op(spec, 'getPet'), { status: 422 }, NEGATIVE), await ctx());
    expect(declared).toMatchObject({ severity: 'error', key: 'status:422' });
  });

  it('warns for a 404 to an id the target never handed out, for credentials refused, for a success where none is declared', async () => {
    const { spec, ctx } = await setup();
    const unknown = { ...exchange(op(spec, 'getPet'), { status: 404 }), unknownIds: ['id'] };
    expect((await statusCodeConformance.run(unknown, await ctx()))[0]).toMatchObject({ severity: 'warning', key: 'no-not-found-status' });
    const known = exchange(op(spec, 'getPet'), { status: 404 });
    expect((await statusCodeConformance.run(known, await ctx()))[0]).toMatchObject({ severity: 'error', key: 'status:404' });
    const auth = exchange(op(spec, 'listRepos'), { status: 401 }, { kind: 'auth', variant: 'a missing API key' });
    expect((await statusCodeConformance.run(auth, await ctx()))[0]).toMatchObject({ severity: 'warning', key: 'no-auth-status' });
    const deleted = exchange(op(spec, 'deletePet'), { status: 204 });
    expect((await statusCodeConformance.run(deleted, await ctx()))[0]).toMatchObject({ severity: 'warning', key: 'no-success-status' });
  });
});

describe("response_schema_conformance: the document's own examples", () => {
  it("warns where the body is the document's example that breaks its schema, and errors for what the target made up", async () => {
    const { spec, ctx } = await setup();
    const example = { id: 'x', self_url: '/pets/x', tag: 'toolong' };
    const fromExample = await responseSchemaConformance.run(exchange(op(spec, 'getPet'), { status: 200, json: example }), await ctx());
    expect(fromExample.map((f) => [f.severity, f.scope, f.title])).toEqual(
      fromExample.map(() => ['warning', 'api', "The document's example contradicts its schema"]),
    );
    expect(fromExample.length).toBeGreaterThan(0);
    const property = await responseSchemaConformance.run(
      exchange(op(spec, 'getPet'), { status: 200, json: { id: 'not-a-uuid', self_url: 'https://h.io/pets/1' } }),
      await ctx(),
    );
    expect(property).toEqual([expect.objectContaining({ severity: 'warning', key: 'example:format:"not-a-uuid"' })]);
    const own = await responseSchemaConformance.run(
      exchange(op(spec, 'getPet'), { status: 200, json: { id: 'mine', self_url: 'https://h.io/pets/1', tag: 'abcd' } }),
      await ctx(),
    );
    expect(own.map((f) => [f.severity, f.key])).toEqual([['error', '200:response-body/id:format,response-body/tag:maxLength']]);
  });
});

describe('links_resolve: links that are example values', () => {
  it("warns for the document's example link and one on a documentation domain, never following them", async () => {
    const { spec, ctx } = await setup();
    let sent = 0;
    const counting = await ctx({ send: async () => ((sent += 1), { status: 200, headers: {}, body: Buffer.alloc(0) }) });
    for (const link of ['https://petstore.example/pets/1', 'https://www.example.com/consectetur', 'https://cdn.example.org/x', '/pets/x']) {
      const [found] = await linksResolve.run(exchange(op(spec, 'getPet'), { status: 200, json: { id: 'p1', self_url: link } }), counting);
      expect(found, link).toMatchObject({
        severity: 'warning',
        scope: 'api',
        title: 'self_url is an example value, not a link the target built',
      });
    }
    expect(sent).toBe(0);
    const [real] = await linksResolve.run(
      exchange(op(spec, 'getPet'), { status: 200, json: { id: 'p1', self_url: 'https://api.pets.io/pets/1' } }),
      counting,
    );
    expect(real).toMatchObject({ severity: 'error', key: 'foreign-origin' });
  });

  it('takes a 404 for a resource the run deleted as no defect, and one for a resource it did not delete as a finding', async () => {
    const { spec, ctx } = await setup();
    const missing = await ctx({
      deletedByRun: (path) => path === '/pets/p1',
      send: async () => ({ status: 404, headers: {}, body: Buffer.alloc(0) }),
    });
    const link = (id: string) => ({ id, self_url: `http://127.0.0.1:1/pets/${id}` });
    expect(await linksResolve.run(exchange(op(spec, 'getPet'), { status: 200, json: link('p1') }), missing)).toEqual([]);
    expect((await linksResolve.run(exchange(op(spec, 'getPet'), { status: 200, json: link('p2') }), missing))[0]).toMatchObject({
      severity: 'error',
      key: 'status:404',
    });
  });

  it('follows a link under --link-base on the target, keeping its path and query', async () => {
    const { spec, ctx } = await setup();
    const seen: string[] = [];
    const follows = await ctx({
      linkBase: 'https://api.pets.io/v2',
      send: async (request) => {
        seen.push(request.url);
        return { status: 200, headers: { 'content-type': 'application/json' }, body: Buffer.from(JSON.stringify({ id: 'p1' })) };
      },
    });
    const body = { id: 'p1', self_url: 'https://api.pets.io/v2/pets/p1?view=full' };
    expect(await linksResolve.run(exchange(op(spec, 'getPet'), { status: 200, json: body }), follows)).toEqual([]);
    expect(seen).toEqual(['http://127.0.0.1:1/pets/p1?view=full']);
    // A link on the canonical origin but outside the base is another origin still.
    const outside = { id: 'p1', self_url: 'https://api.pets.io/v1/pets/p1' };
    expect((await linksResolve.run(exchange(op(spec, 'getPet'), { status: 200, json: outside }), follows))[0]).toMatchObject({
      key: 'foreign-origin',
    });
  });
});
