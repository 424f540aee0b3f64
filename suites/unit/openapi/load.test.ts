import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { SpecError } from '../../../src/core/index.js';
import { loadSpec, type LoadWarning } from '../../../src/openapi/index.js';

// What loading says is under test here, not what an earlier run remembered.
beforeAll(() => {
  process.env.EVERRUNS_CONTRACT_NO_CACHE = '1';
});

const EXAMPLES = resolve(import.meta.dirname, '../../../node_modules/@readme/oas-examples');

function file(name: string, text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'everruns-load-')), name);
  writeFileSync(path, text);
  return path;
}

const json = (document: object) => JSON.stringify(document, null, 2);
const ok = { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'object' } } } } };

/** The 1-based line of the first line of `text` containing `marker`. */
function lineOf(text: string, marker: string): number {
  return text.split('\n').findIndex((line) => line.includes(marker)) + 1;
}

function only(warnings: LoadWarning[], pointer: string): LoadWarning[] {
  return warnings.filter((warning) => warning.pointer === pointer);
}

describe('loadSpec: documents that break the OpenAPI schema are served with warnings', () => {
  it('serves a document without info and says so at the top of the document', async () => {
    const spec = await loadSpec(file('no-info.json', json({ openapi: '3.0.3', paths: { '/pets': { get: { responses: ok } } } })));
    expect(spec.operations.map((operation) => operation.id)).toEqual(['GET /pets']);
    expect(spec.warnings).toEqual([{ pointer: '', line: 1, message: 'missing required property "info"' }]);
  });

  it('names the response without a description, and its line, in YAML', async () => {
    const yaml = [
      'openapi: 3.1.0',
      'info: {title: t, version: "1"}',
      'paths:',
      '  /pets:',
      '    get:',
      '      responses:',
      '        "200":',
      '          content:',
      '            application/json: {schema: {type: array}}',
    ].join('\n');
    const spec = await loadSpec(file('no-description.yaml', yaml));
    expect(spec.warnings).toEqual([
      { pointer: '/paths/~1pets/get/responses/200', line: 7, message: 'missing required property "description"' },
    ]);
    expect(spec.operations[0]!.responses[0]!.content[0]!.mediaType).toBe('application/json');
  });

  it('gives one warning per problem, not one per branch of the OpenAPI schema it tried', async () => {
    const document = {
      openapi: '3.0.3',
      info: { title: 't', version: '1' },
      paths: {
        '/pets/{id}': {
          get: {
            parameters: [{ name: 'id', in: 'path', schema: { type: 'int' } }],
            responses: ok,
          },
        },
      },
    };
    const text = json(document);
    const spec = await loadSpec(file('sloppy.json', text));
    expect(spec.warnings).toEqual([
      // An array item's line is the line its value opens on, the one before its first member.
      {
        pointer: '/paths/~1pets~1{id}/get/parameters/0',
        line: lineOf(text, '"name": "id"') - 1,
        message: 'missing required property "required"',
      },
      {
        pointer: '/paths/~1pets~1{id}/get/parameters/0/schema/type',
        line: lineOf(text, '"type": "int"'),
        message: '"int" is not one of "array", "boolean", "integer", "number", "object", "string"',
      },
    ]);
  });

  it('serves a document with a broken $ref, naming where the ref is and what it points to', async () => {
    const document = {
      openapi: '3.0.3',
      info: { title: 't', version: '1' },
      paths: {
        '/pets': {
          get: {
            responses: {
              '200': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/Missing' } } } },
            },
          },
        },
      },
    };
    const text = json(document);
    const spec = await loadSpec(file('dangling.json', text));
    const [warning] = only(spec.warnings, '/paths/~1pets/get/responses/200/content/application~1json/schema/$ref');
    expect(warning).toEqual({
      pointer: '/paths/~1pets/get/responses/200/content/application~1json/schema/$ref',
      line: lineOf(text, '"$ref"'),
      message: '$ref "#/components/schemas/Missing" points to nothing in the document; served as if it were not there',
    });
    expect(spec.operations[0]!.responses[0]!.content[0]!.schema).toEqual({});
  });

  it('warns about a pattern that is not ECMAScript and one it cannot check', async () => {
    const document = {
      openapi: '3.1.0',
      info: { title: 't', version: '1' },
      paths: {},
      components: { schemas: { Tick: { type: 'string', pattern: '^\\x{60}+$' }, Odd: { type: 'string', pattern: '^\\h$' } } },
    };
    const spec = await loadSpec(file('patterns.json', json(document)));
    expect(spec.warnings.map((warning) => [warning.pointer, warning.message.replace(/ \(.*/, '')])).toEqual([
      ['/components/schemas/Tick/pattern', 'pattern "^\\\\x{60}+$" read as ECMAScript /^\\u{60}+$/u: \\x{..} as \\u{..}'],
      ['/components/schemas/Odd/pattern', 'pattern "^\\\\h$" not an ECMAScript regular expression'],
    ]);
  });

  it('reads a duplicated YAML key as JSON.parse would, with a warning on its line', async () => {
    const spec = await loadSpec(
      file(
        'dup.yaml',
        'openapi: 3.0.3\ninfo: {title: t, version: "1"}\npaths: {}\npaths:\n  /a: {get: {responses: {"200": {description: ok}}}}\n',
      ),
    );
    expect(spec.operations).toHaveLength(1);
    expect(spec.warnings).toEqual([{ pointer: '', line: 4, message: 'duplicated key on line 4 (the last one is used)' }]);
  });

  it('has nothing to say about a clean document', async () => {
    const spec = await loadSpec(resolve(EXAMPLES, '3.1/json/train-travel.json'));
    expect(spec.warnings).toEqual([]);
  });
});

describe('loadSpec: external references', () => {
  it('bundles a $ref to another file so every ref left is local', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'everruns-load-'));
    writeFileSync(join(dir, 'pet.yaml'), 'type: object\nrequired: [id]\nproperties: {id: {type: integer}}\n');
    const document = {
      openapi: '3.0.3',
      info: { title: 't', version: '1' },
      paths: {
        '/pet': {
          get: { responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: './pet.yaml' } } } } } },
        },
      },
    };
    writeFileSync(join(dir, 'api.json'), json(document));
    const spec = await loadSpec(join(dir, 'api.json'));
    expect(spec.warnings).toEqual([]);
    expect(spec.operations[0]!.responses[0]!.content[0]!.schema).toMatchObject({ required: ['id'] });
  });

  it('refuses a document whose external reference cannot be read, naming it', async () => {
    const document = {
      openapi: '3.0.3',
      info: { title: 't', version: '1' },
      paths: { '/pet': { get: { responses: { '200': { $ref: './missing.yaml' } } } } },
    };
    await expect(loadSpec(file('api.json', json(document)))).rejects.toThrow(
      /cannot resolve the external references of .*api\.json: .*missing\.yaml/,
    );
  });
});

describe('loadSpec: Swagger 2.0', () => {
  it.each(['json', 'yaml'])('serves the Swagger 2.0 petstore (%s) as its OpenAPI 3.0 conversion', async (format) => {
    const spec = await loadSpec(resolve(EXAMPLES, `2.0/${format}/petstore.${format}`));
    expect(spec.version).toBe('3.0');
    expect(spec.document.openapi).toMatch(/^3\.0\./);
    expect(spec.warnings).toEqual([]);
    const findPets = spec.operations.find((operation) => operation.id === 'findPetsByStatus')!;
    expect(findPets.parameters.map((parameter) => [parameter.name, parameter.in, parameter.style, parameter.explode])).toEqual([
      ['status', 'query', 'form', true],
    ]);
    expect(findPets.responses.find((response) => response.key === '200')!.content.map((media) => media.mediaType)).toEqual([
      'application/xml',
      'application/json',
    ]);
    const addPet = spec.operations.find((operation) => operation.id === 'addPet')!;
    expect(addPet.requestBody?.content.map((media) => media.schemaPointer)).toContain(
      '#/components/requestBodies/Pet/content/application~1json/schema',
    );
  });

  it('names each problem of a sloppy Swagger 2.0 document once, where the user wrote it, and serves it', async () => {
    const yaml = [
      'swagger: "2.0"',
      'info:',
      '  title: t',
      'paths:',
      '  /pets/{id}:',
      '    get:',
      '      parameters:',
      '        - name: id',
      '          in: path',
      '          type: string',
      '      responses:',
      '        200:',
      '          schema: {type: object, properties: {photo: {type: file}}}',
    ].join('\n');
    const spec = await loadSpec(file('sloppy-swagger.yaml', yaml));
    expect(spec.warnings).toEqual([
      { pointer: '/info', line: 2, message: 'missing required property "version"' },
      { pointer: '/paths/~1pets~1{id}/get/parameters/0', line: 8, message: 'missing required property "required"' },
      { pointer: '/paths/~1pets~1{id}/get/responses/200', line: 12, message: 'missing required property "description"' },
      {
        pointer: '/paths/~1pets~1{id}/get/responses/200/schema/properties/photo/type',
        line: 13,
        message: '"file" is not one of "array", "boolean", "integer", "null", "number", "object", "string"',
      },
    ]);
    const [get] = spec.operations;
    expect(get!.parameters).toMatchObject([{ name: 'id', in: 'path', required: true }]);
    expect(get!.responses[0]!.content[0]!.schema).toMatchObject({ properties: { photo: { type: 'string', format: 'binary' } } });
  });

  it('takes an unquoted `swagger: 2.0` (a YAML number), with a warning', async () => {
    const yaml =
      'swagger: 2.0\ninfo: {title: t, version: "1"}\npaths:\n  /a:\n    get:\n      responses:\n        "200": {description: ok, schema: {type: string}}\n';
    const spec = await loadSpec(file('number.yaml', yaml));
    expect(spec.operations[0]!.responses[0]!.content[0]!.schema).toEqual({ type: 'string' });
    expect(spec.warnings).toEqual([{ pointer: '/swagger', line: 1, message: '2 is not one of "2.0"' }]);
  });
});

describe('loadSpec: refused only when nothing can be served, with the place', () => {
  it.each([
    ['unparseable YAML', 'broken.yaml', 'openapi: 3.0.3\ninfo: [unclosed\n  title: x\n', /broken\.yaml at line 3, column 8: missed comma/],
    ['unparseable JSON', 'broken.json', '{\n  "openapi": "3.0.3",\n  "info": {"title": "x",,}\n}', /broken\.json at line 3, column \d+:/],
    ['an unknown version', 'v4.json', json({ openapi: '4.0.0', paths: {} }), /declares openapi "4\.0\.0" \(line 2\)/],
    ['a YAML file that is not OpenAPI', 'plain.yaml', 'name: x\n', /neither "openapi" nor "swagger"/],
    ['an empty file', 'empty.yaml', '', /empty or not an object/],
  ])('refuses %s', async (_what, name, text, message) => {
    const error = await loadSpec(file(name, text)).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SpecError);
    expect((error as SpecError).detail).toMatch(message);
  });
});
