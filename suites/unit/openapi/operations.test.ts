import { describe, expect, it } from 'vitest';
import { findResponse, listOperations, type OpenApiDocument } from '../../../src/openapi/index.js';

const document = {
  openapi: '3.0.3',
  info: { title: 't', version: '1' },
  paths: {
    'x-internal': { note: 'an extension, not a path' },
    '/pets/{id}': {
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }, { $ref: '#/components/parameters/Trace' }],
      get: {
        operationId: 'getPet',
        parameters: [
          { name: 'id', in: 'path', required: true, schema: { type: 'integer' } },
          { name: 'filter', in: 'query', content: { 'application/json': { schema: { type: 'object' } } } },
        ],
        responses: {
          '200': { description: 'ok', content: { 'application/json': { schema: { type: 'object' } } } },
          '4XX': { description: 'client error' },
          default: { description: 'anything else' },
        },
      },
      delete: { responses: { '204': { description: 'gone' } } },
    },
  },
  components: { parameters: { Trace: { name: 'X-Trace', in: 'header', schema: { type: 'string' } } } },
} as unknown as OpenApiDocument;

describe('listOperations', () => {
  const operations = listOperations(document);

  it('skips extension keys and names operations without an operationId by method and path', () => {
    expect(operations.map((operation) => operation.id)).toEqual(['getPet', 'DELETE /pets/{id}']);
  });

  it('merges path-level parameters, lets the operation override by name and location, and follows $refs', () => {
    const getPet = operations[0]!;
    const byName = Object.fromEntries(getPet.parameters.map((parameter) => [parameter.name, parameter]));
    expect(byName.id?.schema).toEqual({ type: 'integer' });
    expect(byName.id?.schemaPointer).toBe('#/paths/~1pets~1{id}/get/parameters/0/schema');
    expect(byName['X-Trace']).toMatchObject({ in: 'header', required: false, schemaPointer: '#/components/parameters/Trace/schema' });
    expect(byName.filter).toMatchObject({ in: 'query', json: true, style: 'form', explode: true });
    expect(operations[1]!.parameters.map((parameter) => parameter.schema)).toEqual([{ type: 'string' }, { type: 'string' }]);
  });

  it('finds responses by exact code, then range, then default', () => {
    const getPet = operations[0]!;
    expect(findResponse(getPet, 200)?.key).toBe('200');
    expect(findResponse(getPet, 404)?.key).toBe('4XX');
    expect(findResponse(getPet, 503)?.key).toBe('default');
    expect(findResponse(operations[1]!, 500)).toBeUndefined();
  });
});
