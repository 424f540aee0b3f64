import { describe, expect, it } from 'vitest';
import type { Parameter } from '../../../src/openapi/index.js';
import { deserialiseDeepObject, deserialiseParameter } from '../../../src/validation/index.js';

const lookup = (schema: unknown) => schema as Record<string, unknown> | undefined;
const param = (overrides: Partial<Parameter>): Parameter => ({
  name: 'p',
  in: 'query',
  required: false,
  style: 'form',
  explode: true,
  schema: { type: 'string' },
  schemaPointer: undefined,
  json: false,
  ...overrides,
});

describe('deserialiseParameter (OAS §4.8.12.4 styles)', () => {
  it('coerces primitives to the schema type and leaves what does not coerce as a string', () => {
    expect(deserialiseParameter(param({ schema: { type: 'integer' } }), '42', lookup)).toBe(42);
    expect(deserialiseParameter(param({ schema: { type: 'integer' } }), '4x', lookup)).toBe('4x');
    expect(deserialiseParameter(param({ schema: { type: 'boolean' } }), 'true', lookup)).toBe(true);
    expect(deserialiseParameter(param({ schema: { type: ['integer', 'null'] } }), '', lookup)).toBe(null);
    expect(deserialiseParameter(param({ schema: { type: 'string' } }), '007', lookup)).toBe('007');
  });

  it('splits arrays by style and explode', () => {
    const items = { type: 'array', items: { type: 'integer' } };
    expect(deserialiseParameter(param({ schema: items }), ['1', '2'], lookup)).toEqual([1, 2]);
    expect(deserialiseParameter(param({ schema: items, explode: false }), '1,2,3', lookup)).toEqual([1, 2, 3]);
    expect(deserialiseParameter(param({ schema: items, style: 'pipeDelimited', explode: false }), '1|2', lookup)).toEqual([1, 2]);
    expect(deserialiseParameter(param({ schema: items, style: 'spaceDelimited', explode: false }), '1 2', lookup)).toEqual([1, 2]);
    expect(deserialiseParameter(param({ in: 'path', style: 'simple', explode: false, schema: items }), '5,6', lookup)).toEqual([5, 6]);
  });

  it('reads objects from simple pairs, deepObject brackets and JSON content', () => {
    const object = { type: 'object', properties: { a: { type: 'integer' }, b: { type: 'string' } } };
    expect(deserialiseParameter(param({ in: 'header', style: 'simple', explode: false, schema: object }), 'a,1,b,x', lookup)).toEqual({
      a: 1,
      b: 'x',
    });
    const deep = param({ name: 'f', style: 'deepObject', schema: object });
    expect(deserialiseDeepObject(deep, new URLSearchParams('f[a]=3&f[b]=y&g[a]=9'), lookup)).toEqual({ a: 3, b: 'y' });
    expect(deserialiseDeepObject(deep, new URLSearchParams('g[a]=9'), lookup)).toBeUndefined();
    expect(deserialiseParameter(param({ json: true }), '{"a":1}', lookup)).toEqual({ a: 1 });
    expect(deserialiseParameter(param({ json: true }), '{oops', lookup)).toBe('{oops');
  });
});
