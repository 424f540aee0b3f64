import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import { SpecValidator, validateResponse } from '../../src/validation/index.js';
import { documentWith, inlineSpec } from '../helpers/inline-spec.js';
import { serveStateless } from '../helpers/serve.js';

// A 3.0 document with the shapes users bring: nullable fields, named examples, a schema-only
// response, a declared 422 with its own error schema, form and JSON bodies.
const PET = {
  type: 'object',
  required: ['id', 'name'],
  properties: {
    id: { type: 'integer', format: 'int64', minimum: 1 },
    name: { type: 'string', minLength: 1 },
    tag: { type: 'string', nullable: true },
    status: { type: 'string', enum: ['available', 'sold'] },
  },
};
const DOCUMENT = documentWith(
  '3.0.3',
  {
    '/pets': {
      get: {
        operationId: 'listPets',
        parameters: [
          { name: 'limit', in: 'query', required: true, schema: { type: 'integer', minimum: 1, maximum: 50 } },
          {
            name: 'status',
            in: 'query',
            schema: { type: 'array', items: { type: 'string', enum: ['available', 'sold'] } },
            explode: false,
          },
        ],
        responses: {
          '200': {
            description: 'pets',
            content: { 'application/json': { schema: { type: 'array', items: { $ref: '#/components/schemas/Pet' } } } },
          },
          '400': { description: 'bad', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
        },
      },
      post: {
        operationId: 'createPet',
        requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/Pet' } } } },
        responses: {
          '201': {
            description: 'created',
            content: {
              'application/json': {
                schema: { $ref: '#/components/schemas/Pet' },
                examples: { rex: { value: { id: 7, name: 'Rex', tag: null } }, tom: { value: { id: 8, name: 'Tom', status: 'sold' } } },
              },
              'application/xml': { schema: { $ref: '#/components/schemas/Pet' } },
            },
          },
          '422': { description: 'invalid', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
        },
      },
    },
    '/pets/{petId}': {
      get: {
        operationId: 'getPet',
        parameters: [{ name: 'petId', in: 'path', required: true, schema: { type: 'integer' } }],
        responses: {
          '200': { description: 'pet', content: { 'application/json': { schema: { $ref: '#/components/schemas/Pet' } } } },
          '404': { description: 'missing', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
        },
      },
    },
  },
  {
    Pet: PET,
    // Like GitHub's basic-error: `status` is a string, so a problem must be fitted to it.
    Error: { type: 'object', required: ['message'], properties: { message: { type: 'string' }, status: { type: 'string' } } },
  },
);

async function call(url: string, init: Parameters<typeof request>[1] = {}) {
  const response = await request(url, init);
  const text = await response.body.text();
  const json = /[/+]json\b/.test(String(response.headers['content-type'])) && text ? JSON.parse(text) : undefined;
  return { status: response.statusCode, headers: response.headers, text, json };
}

describe('stateless mock for any document (OpenAPI 3.0 with nullable, examples, foreign error schemas)', () => {
  it('answers the lowest 2xx with a body generated from the schema and valid against it', async () => {
    const spec = await inlineSpec(DOCUMENT);
    const server = await serveStateless(spec);
    const answer = await call(`${server.url}/pets/3`);
    expect(answer.status).toBe(200);
    const validator = new SpecValidator(spec);
    const operation = spec.operations.find((op) => op.id === 'getPet')!;
    expect(
      validateResponse(validator, operation, { status: 200, headers: { 'content-type': 'application/json' }, body: answer.json })
        .violations,
    ).toEqual([]);
    expect(await call(`${server.url}/pets/3`)).toMatchObject({ text: answer.text });
  });

  it('honours Prefer code=, example= and dynamic=true, and the __code query form', async () => {
    const server = await serveStateless(await inlineSpec(DOCUMENT));
    const body = JSON.stringify({ id: 1, name: 'Kitty' });
    const post = (headers: Record<string, string>, query = '') =>
      call(`${server.url}/pets${query}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
    expect((await post({})).json).toEqual({ id: 7, name: 'Rex', tag: null });
    expect((await post({ prefer: 'example=tom' })).json).toEqual({ id: 8, name: 'Tom', status: 'sold' });
    const missing = await post({ prefer: 'example=nope' });
    expect(missing).toMatchObject({ status: 404, headers: { 'content-type': 'application/problem+json' } });
    expect((await post({ prefer: 'code=422' })).status).toBe(422);
    expect((await post({}, '?__code=422')).status).toBe(422);
    // Prism answers a code the operation does not declare with a 404 problem.
    const undeclared = await post({ prefer: 'code=418' });
    expect(undeclared).toMatchObject({ status: 404, headers: { 'content-type': 'application/problem+json' } });
    expect(undeclared.json).toMatchObject({ status: 404, title: 'Not Found', detail: expect.stringContaining('418') });
    expect((await post({}, '?__code=503')).status).toBe(404);
    const dynamic = await Promise.all([1, 2, 3, 4].map(() => call(`${server.url}/pets/3`, { headers: { prefer: 'dynamic=true' } })));
    for (const answer of dynamic) expect(answer.json).toMatchObject({ id: expect.any(Number), name: expect.any(String) });
    expect(new Set(dynamic.map((answer) => answer.text)).size).toBeGreaterThan(1);
  });

  it('negotiates the media type by Accept and answers 406 when nothing fits', async () => {
    const server = await serveStateless(await inlineSpec(DOCUMENT));
    const post = (accept: string) =>
      call(`${server.url}/pets`, { method: 'POST', headers: { 'content-type': 'application/json', accept }, body: '{"id":1,"name":"a"}' });
    expect((await post('application/xml')).headers['content-type']).toBe('application/xml');
    expect((await post('application/json;q=0.5, application/xml;q=0.1')).headers['content-type']).toBe('application/json');
    expect(await post('text/csv')).toMatchObject({ status: 406, headers: { 'content-type': 'application/problem+json' } });
  });

  it('rejects invalid input with the declared 4xx, listing every violation with a pointer, fitted to the declared error schema', async () => {
    const spec = await inlineSpec(DOCUMENT);
    const server = await serveStateless(spec);
    const list = await call(`${server.url}/pets?limit=500&status=available,lost`);
    expect(list.status).toBe(400);
    // The document declares its errors as application/json: what it promises wins over our convention.
    expect(list.headers['content-type']).toBe('application/json');
    // The declared error schema types `status` as a string: the body follows it and keeps the detail.
    const listPets = spec.operations.find((op) => op.id === 'listPets')!;
    const fitted = validateResponse(new SpecValidator(spec), listPets, {
      status: 400,
      headers: { 'content-type': 'application/json' },
      body: list.json,
    });
    expect(fitted.violations).toEqual([]);
    expect(list.json.detail).toMatch(/limit|status/);
    const invalid = await call(`${server.url}/pets`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"id":0}' });
    expect(invalid.status).toBe(422);
    const missing = await call(`${server.url}/pets`);
    expect(missing.status).toBe(400);
  });

  it('lists every violation with its pointer when the error schema allows it', async () => {
    const spec = await inlineSpec(
      documentWith('3.1.0', {
        '/things': {
          post: {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: { type: 'object', required: ['a', 'b'], properties: { a: { type: 'integer' } } } } },
            },
            responses: { '204': { description: 'ok' }, '400': { description: 'bad' } },
          },
        },
      }),
    );
    const server = await serveStateless(spec);
    const answer = await call(`${server.url}/things`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"a":"x"}',
    });
    expect(answer.status).toBe(400);
    expect(answer.headers['content-type']).toBe('application/problem+json');
    expect(answer.json.errors.map((error: { pointer: string }) => error.pointer).sort()).toEqual(['#/body/a', '#/body/b']);
    expect(
      (await call(`${server.url}/things`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"a":1,"b":2}' }))
        .status,
    ).toBe(204);
  });

  it('answers 415 for an undeclared Content-Type, 405 with Allow, and 404 for unknown paths', async () => {
    const server = await serveStateless(await inlineSpec(DOCUMENT));
    const form = await call(`${server.url}/pets`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'x' });
    expect(form).toMatchObject({ status: 415, headers: { 'content-type': 'application/problem+json' } });
    const wrongMethod = await call(`${server.url}/pets/1`, { method: 'DELETE' });
    expect(wrongMethod).toMatchObject({ status: 405, headers: { allow: 'GET' } });
    expect((await call(`${server.url}/nowhere`)).status).toBe(404);
  });
});

// Issue 10, "answers that differ from what the document says": each test failed before.
const PERSON = {
  type: 'object',
  xml: { name: 'person' },
  properties: {
    id: { type: 'integer', minimum: 1, example: 42, xml: { attribute: true } },
    name: { type: 'string', example: 'hello' },
    email: { type: 'string', format: 'email' },
    homepage: { type: 'string' },
    nickname: { type: 'string', default: 'ace' },
    roles: { type: 'array', items: { type: 'string', example: 'admin', xml: { name: 'role' } }, xml: { wrapped: true } },
  },
};
const ANSWERS = documentWith(
  '3.1.0',
  {
    '/people/{id}': {
      get: {
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer' } }],
        responses: {
          '200': {
            description: 'a person',
            headers: {
              'X-Rate-Limit': { schema: { type: 'integer', minimum: 1, maximum: 100 } },
              'X-Trace': { schema: { type: 'string', pattern: '^t-[0-9]{4}$' }, example: 't-0042' },
              'X-Next': { schema: { type: 'string', format: 'uri' } },
            },
            content: {
              'application/json': { schema: { $ref: '#/components/schemas/Person' } },
              'application/xml': { schema: { $ref: '#/components/schemas/Person' } },
            },
          },
          '400': {
            description: 'bad id',
            content: {
              'application/json': {
                schema: { $ref: '#/components/schemas/Failure' },
                examples: { bad: { value: { code: 7, message: 'id must be an integer', status: 500 } } },
              },
            },
          },
        },
      },
    },
    '/notes': {
      post: {
        requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', required: ['text'] } } } },
        responses: {
          '201': { description: 'created' },
          '400': {
            description: 'invalid',
            content: {
              'application/problem+json': {
                schema: {
                  type: 'object',
                  required: ['title', 'status'],
                  properties: { title: { type: 'string' }, status: { type: 'integer' } },
                },
                example: { title: 'Bad Request', status: 400, detail: 'text is required' },
              },
            },
          },
        },
      },
    },
  },
  {
    Person: PERSON,
    Failure: {
      type: 'object',
      required: ['code', 'message'],
      properties: { code: { type: 'integer' }, message: { type: 'string' }, status: { type: 'integer' } },
    },
  },
);

describe('stateless answers as the document says (issue 10)', () => {
  const personValid = async (spec: Awaited<ReturnType<typeof inlineSpec>>, json: unknown) => {
    const operation = spec.operations.find((op) => op.path === '/people/{id}')!;
    return validateResponse(new SpecValidator(spec), operation, {
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: json,
    }).violations;
  };

  it('answers static requests with the examples and defaults of every property, and generates readable values for the rest', async () => {
    const spec = await inlineSpec(ANSWERS);
    const server = await serveStateless(spec);
    const answer = await call(`${server.url}/people/1`);
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ id: 42, name: 'hello', nickname: 'ace', roles: ['admin'] });
    expect(answer.json.email).toMatch(/^[a-z]+\.[a-z]+@example\.(com|org|net)$/);
    expect(answer.json.homepage).toMatch(/^https:\/\//);
    expect(await personValid(spec, answer.json)).toEqual([]);
  });

  it('fills every optional property in dynamic answers, each drawn anew and valid', async () => {
    const spec = await inlineSpec(ANSWERS);
    const server = await serveStateless(spec);
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => call(`${server.url}/people/1`, { headers: { prefer: 'dynamic=true' } })),
    );
    for (const answer of answers) {
      expect(Object.keys(answer.json).sort()).toEqual(['email', 'homepage', 'id', 'name', 'nickname', 'roles']);
      expect(await personValid(spec, answer.json)).toEqual([]);
    }
    expect(new Set(answers.map((answer) => answer.text)).size).toBeGreaterThan(1);
  });

  it('serialises XML as XML, following the xml objects of the schema', async () => {
    const server = await serveStateless(await inlineSpec(ANSWERS));
    const answer = await call(`${server.url}/people/1`, { headers: { accept: 'application/xml' } });
    expect(answer.headers['content-type']).toBe('application/xml');
    expect(answer.text).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n<person id="42"><name>hello<\/name><email>[^<]+<\/email>/);
    expect(answer.text).toMatch(/<nickname>ace<\/nickname><roles><role>admin<\/role><\/roles><\/person>$/);
  });

  it('sends the declared response headers, each valid against its schema', async () => {
    const server = await serveStateless(await inlineSpec(ANSWERS));
    for (const prefer of ['', 'dynamic=true']) {
      const answer = await call(`${server.url}/people/1`, { headers: prefer ? { prefer } : {} });
      const limit = Number(answer.headers['x-rate-limit']);
      expect(Number.isInteger(limit) && limit >= 1 && limit <= 100).toBe(true);
      expect(answer.headers['x-trace']).toMatch(/^t-[0-9]{4}$/);
      expect(String(answer.headers['x-next'])).toMatch(/^https?:\/\/\S+$/);
    }
    expect((await call(`${server.url}/people/1`)).headers['x-trace']).toBe('t-0042');
  });

  it("answers invalid input with the declared error example, its status the answer's", async () => {
    const server = await serveStateless(await inlineSpec(ANSWERS));
    const bad = await call(`${server.url}/people/abc`);
    expect(bad).toMatchObject({ status: 400, headers: { 'content-type': 'application/json' } });
    expect(bad.json).toEqual({ code: 7, message: 'id must be an integer', status: 400 });
    // A declared problem+json error stays the mock's own problem, which says what is wrong with this request.
    const note = await call(`${server.url}/notes`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(note).toMatchObject({ status: 400, headers: { 'content-type': 'application/problem+json' } });
    expect(note.json).toMatchObject({ status: 400, errors: [{ pointer: '#/body/text' }] });
  });
});
