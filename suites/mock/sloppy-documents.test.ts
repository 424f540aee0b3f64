import { resolve } from 'node:path';
import { request } from 'undici';
import { beforeAll, describe, expect, it } from 'vitest';
import { createMockServer } from '../../src/mock/index.js';
import { loadSpec, type LoadedSpec } from '../../src/openapi/index.js';
import { SpecValidator } from '../../src/validation/index.js';
import { fillGets, judgeGet } from '../helpers/exercise-gets.js';
import { documentWith, inlineSpec } from '../helpers/inline-spec.js';

/**
 * Documents as people write them, served as Prism serves them: each breaks the OpenAPI schema or
 * JSON Schema in a way that does not stop mocking, and every GET still gets its declared success
 * with a body valid against the document's own schema.
 */

// The warnings asserted here are what loading says now, not what an earlier run remembered.
beforeAll(() => {
  process.env.EVERRUNS_CONTRACT_NO_CACHE = '1';
});

const EXAMPLES = resolve(import.meta.dirname, '../../node_modules/@readme/oas-examples');

async function expectEveryGetServed(spec: LoadedSpec): Promise<void> {
  const server = await createMockServer({ spec, host: '127.0.0.1', port: 0 });
  try {
    const validator = new SpecValidator(spec);
    const { filled, unfillable, unsatisfiable } = fillGets(spec);
    expect([...unfillable, ...unsatisfiable]).toEqual([]);
    expect(filled.length).toBeGreaterThan(0);
    for (const get of filled) {
      const verdict = await judgeGet(server.url, validator, get);
      expect(verdict, JSON.stringify(verdict)).toMatchObject({ declaredStatus: true, validBody: true });
    }
  } finally {
    await server.close();
  }
}

/** A `GET /pets` answering a non-empty list of `items`. */
const pets = (items: object) => ({ '/pets': { get: { responses: list(items) } } });

const list = (items: object) => ({
  '200': { description: 'ok', content: { 'application/json': { schema: { type: 'array', items, minItems: 1 } } } },
});

describe('the mock serves documents that break the OpenAPI schema', () => {
  it('serves a document without info', async () => {
    const spec = await inlineSpec({ openapi: '3.0.3', paths: { '/pets': { get: { responses: list({ type: 'string' }) } } } });
    expect(spec.warnings.map((warning) => warning.message)).toEqual(['missing required property "info"']);
    await expectEveryGetServed(spec);
  });

  it('serves a response that lacks its description', async () => {
    const spec = await inlineSpec({
      openapi: '3.1.0',
      info: { title: 't', version: '1' },
      paths: {
        '/pets': {
          get: {
            responses: {
              '200': {
                content: { 'application/json': { schema: { type: 'object', required: ['id'], properties: { id: { type: 'integer' } } } } },
              },
            },
          },
        },
      },
    });
    expect(spec.warnings).toHaveLength(1);
    await expectEveryGetServed(spec);
  });

  it('serves a document with a broken $ref, answering the rest of the schema', async () => {
    const spec = await inlineSpec(
      documentWith(
        '3.0.3',
        pets({ type: 'object', required: ['tag'], properties: { tag: { type: 'string' }, owner: { $ref: '#/components/schemas/Owner' } } }),
      ),
    );
    expect(spec.warnings.map((warning) => warning.pointer)).toEqual([
      '/paths/~1pets/get/responses/200/content/application~1json/schema/items/properties/owner/$ref',
    ]);
    await expectEveryGetServed(spec);
  });

  it('serves 3.1 schemas with keyword values no validator compiles, and a stray nullable, leaving those keywords out', async () => {
    const spec = await inlineSpec(
      documentWith(
        '3.1.0',
        pets({
          type: 'object',
          required: true,
          properties: {
            id: { type: 'int', minimum: 1 },
            name: { type: 'string', maxLength: '10' },
            photo: { type: 'file' },
            note: { nullable: true },
            count: { type: 'integer', minimum: 0, exclusiveMinimum: true },
            pair: { type: 'array', items: [{ type: 'string' }, { type: 'integer' }] },
            kind: { enum: [] },
          },
        }),
      ),
    );
    expect(spec.warnings.map((warning) => `${warning.pointer}: ${warning.message}`)).toEqual([
      '/paths/~1pets/get/responses/200/content/application~1json/schema/items/required: required must be a list of property names, not true; ignored',
      '/paths/~1pets/get/responses/200/content/application~1json/schema/items/properties/id/type: type must be a JSON Schema type, not "int"; ignored',
      '/paths/~1pets/get/responses/200/content/application~1json/schema/items/properties/name/maxLength: maxLength must be a number, not "10"; ignored',
      '/paths/~1pets/get/responses/200/content/application~1json/schema/items/properties/photo/type: type "file" (Swagger 2.0) read as a string with format binary',
      '/paths/~1pets/get/responses/200/content/application~1json/schema/items/properties/count/exclusiveMinimum: exclusiveMinimum is a number in OpenAPI 3.1; the 3.0 boolean is read as 3.0 meant it',
      '/paths/~1pets/get/responses/200/content/application~1json/schema/items/properties/pair/items: items as a list is prefixItems in OpenAPI 3.1; read as prefixItems',
      '/paths/~1pets/get/responses/200/content/application~1json/schema/items/properties/kind/enum: enum must be a list of at least one value, not []; ignored',
    ]);
    await expectEveryGetServed(spec);
  });
});

describe('the mock serves Swagger 2.0 documents', () => {
  it.each([
    'json/petstore.json',
    'yaml/petstore.yaml',
    'json/petstore-expanded.json',
    'yaml/api-with-examples.yaml',
    'json/petstore-simple.json',
  ])('answers every GET of 2.0/%s with a declared, schema-valid response', async (document) => {
    await expectEveryGetServed(await loadSpec(resolve(EXAMPLES, '2.0', document)));
  });
});

describe('the mock validates and generates for patterns that are not plain ECMAScript', () => {
  const document = (pattern: string) => ({
    openapi: '3.0.3',
    info: { title: 't', version: '1' },
    paths: {
      '/names/{name}': {
        get: {
          parameters: [{ name: 'name', in: 'path', required: true, schema: { type: 'string', pattern } }],
          responses: {
            '200': {
              description: 'ok',
              content: {
                'application/json': {
                  schema: { type: 'object', required: ['name'], properties: { name: { type: 'string', pattern, minLength: 1 } } },
                },
              },
            },
            '400': { description: 'bad name' },
          },
        },
      },
    },
  });

  it('generates names that match a Unicode-property pattern, and takes and refuses names by it', async () => {
    const spec = await inlineSpec(document('^[-._\\p{L}\\p{N}]+$'));
    expect(spec.warnings).toEqual([]);
    const server = await createMockServer({ spec, host: '127.0.0.1', port: 0 });
    try {
      for (const name of ['Zürich', '東京-1', 'a.b_c']) {
        const response = await request(`${server.url}/names/${encodeURIComponent(name)}`, { headers: { prefer: 'dynamic=true' } });
        expect(response.statusCode).toBe(200);
        const body = (await response.body.json()) as { name: string };
        expect(body.name).toMatch(/^[-._\p{L}\p{N}]+$/u);
      }
      const refused = await request(`${server.url}/names/${encodeURIComponent('a b')}`);
      await refused.body.dump();
      expect(refused.statusCode).toBe(400);
    } finally {
      await server.close();
    }
  });

  it("validates by amazonaws.com/location's \\x{60} pattern read as ECMAScript", async () => {
    const spec = await inlineSpec(document('^([$\\-._+!*\\x{60}(),;/?:@=&\\w]|%([0-9a-fA-F]{2}))+$'));
    expect(spec.warnings.map((warning) => warning.pointer)).toEqual([
      '/paths/~1names~1{name}/get/parameters/0/schema/pattern',
      '/paths/~1names~1{name}/get/responses/200/content/application~1json/schema/properties/name/pattern',
    ]);
    const validator = new SpecValidator(spec);
    const pointer = spec.operations[0]!.parameters[0]!.schemaPointer!;
    expect(validator.check('path', pointer, 'a`b')).toEqual([]);
    expect(validator.check('path', pointer, 'a b')).not.toEqual([]);
    await expectEveryGetServed(spec);
  });

  it('serves a pattern it cannot translate, without checking values against it', async () => {
    const spec = await inlineSpec(document('^\\h+(?<=x)$'));
    expect(spec.warnings[0]!.message).toMatch(/not an ECMAScript regular expression/);
    const validator = new SpecValidator(spec);
    expect(validator.check('path', spec.operations[0]!.parameters[0]!.schemaPointer!, 'anything')).toEqual([]);
    expect([...validator.warmSteps()]).toHaveLength(1);
    await expectEveryGetServed(spec);
  });
});
