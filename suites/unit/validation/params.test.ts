import { describe, expect, it } from 'vitest';
import type { Parameter } from '../../../src/openapi/index.js';
import { compileParameter, parseCookies, rawQueryValues, StyleMismatch, type ParameterSource } from '../../../src/validation/index.js';

const lookup = (schema: unknown) => schema as Record<string, unknown> | undefined;
const STRING = { type: 'string' };
const ARRAY = { type: 'array', items: { type: 'string' } };
const OBJECT = { type: 'object', properties: { R: { type: 'integer' }, G: { type: 'integer' }, B: { type: 'integer' } } };
const RGB = { R: 100, G: 200, B: 150 };
const COLOURS = ['blue', 'black', 'brown'];

const param = (overrides: Partial<Parameter>): Parameter => ({
  name: 'color',
  in: 'query',
  required: false,
  style: 'form',
  explode: true,
  schema: STRING,
  schemaPointer: undefined,
  json: false,
  allowReserved: false,
  ...overrides,
});

/** A request's parameters as the mock hands them over: path and query still percent-encoded. */
function source(overrides: Partial<Omit<ParameterSource, 'query'>> & { query?: string } = {}): ParameterSource {
  return {
    path: overrides.path ?? {},
    query: rawQueryValues(overrides.query ?? ''),
    headers: overrides.headers ?? {},
    cookies: overrides.cookies ?? new Map(),
    encoded: true,
  };
}

const path = (style: string, explode: boolean, schema: Record<string, unknown>, value: string) =>
  compileParameter(param({ in: 'path', style, explode, schema }), lookup)(source({ path: { color: value } }));
const query = (style: string, explode: boolean, schema: Record<string, unknown>, text: string, claimed: string[] = []) =>
  compileParameter(param({ style, explode, schema }), lookup, new Set(claimed))(source({ query: text }));

describe('compileParameter: every style and explode of OAS §4.8.12.4 (the table of style examples)', () => {
  it('reads matrix path values', () => {
    expect(path('matrix', false, STRING, ';color=blue')).toBe('blue');
    expect(path('matrix', false, STRING, ';color')).toBe('');
    expect(path('matrix', false, ARRAY, ';color=blue,black,brown')).toEqual(COLOURS);
    expect(path('matrix', false, OBJECT, ';color=R,100,G,200,B,150')).toEqual(RGB);
    expect(path('matrix', true, STRING, ';color=blue')).toBe('blue');
    expect(path('matrix', true, ARRAY, ';color=blue;color=black;color=brown')).toEqual(COLOURS);
    expect(path('matrix', true, OBJECT, ';R=100;G=200;B=150')).toEqual(RGB);
  });

  it('reads label path values (RFC 6570 `{.x}`: commas unless exploded)', () => {
    expect(path('label', false, STRING, '.blue')).toBe('blue');
    expect(path('label', false, ARRAY, '.blue,black,brown')).toEqual(COLOURS);
    expect(path('label', false, OBJECT, '.R,100,G,200,B,150')).toEqual(RGB);
    expect(path('label', true, ARRAY, '.blue.black.brown')).toEqual(COLOURS);
    expect(path('label', true, OBJECT, '.R=100.G=200.B=150')).toEqual(RGB);
  });

  it('reads simple path and header values', () => {
    expect(path('simple', false, STRING, 'blue')).toBe('blue');
    expect(path('simple', false, ARRAY, 'blue,black,brown')).toEqual(COLOURS);
    expect(path('simple', false, OBJECT, 'R,100,G,200,B,150')).toEqual(RGB);
    expect(path('simple', true, OBJECT, 'R=100,G=200,B=150')).toEqual(RGB);
    const header = compileParameter(param({ name: 'X-Color', in: 'header', style: 'simple', explode: false, schema: ARRAY }), lookup);
    // Node joins repeated header lines with ", ".
    expect(header(source({ headers: { 'x-color': 'blue, black,brown' } }))).toEqual(COLOURS);
  });

  it('reads form query values, exploded or not', () => {
    expect(query('form', true, STRING, 'color=blue')).toBe('blue');
    expect(query('form', true, ARRAY, 'color=blue&color=black&color=brown')).toEqual(COLOURS);
    expect(query('form', false, ARRAY, 'color=blue,black,brown')).toEqual(COLOURS);
    expect(query('form', false, OBJECT, 'color=R,100,G,200,B,150')).toEqual(RGB);
    expect(query('form', true, OBJECT, 'R=100&G=200&B=150')).toEqual(RGB);
  });

  it('splits on literal delimiters before decoding, and decodes first when every delimiter is escaped', () => {
    // RFC 6570: an escaped comma is data inside its item.
    expect(query('form', false, ARRAY, 'color=a%2Cb,c')).toEqual(['a,b', 'c']);
    expect(path('simple', false, ARRAY, 'a%2Cb,c')).toEqual(['a,b', 'c']);
    // URLSearchParams escapes the delimiters too: `blue,black` arrives as `blue%2Cblack`.
    expect(query('form', false, ARRAY, 'color=blue%2Cblack')).toEqual(['blue', 'black']);
    expect(query('pipeDelimited', false, ARRAY, 'color=blue%7Cblack')).toEqual(['blue', 'black']);
    expect(query('form', true, STRING, 'color=a+b%2B')).toBe('a b+');
  });

  it('takes each repeated value of an exploded form array as one item, commas in it included', () => {
    // AWS's query APIs: `AlarmNames=a%2C&AlarmNames=s` names the alarms "a," and "s".
    expect(query('form', true, ARRAY, 'color=a%2C&color=s&color=b,c')).toEqual(['a,', 's', 'b,c']);
    expect(query('form', true, ARRAY, 'color=&color=s')).toEqual(['', 's']);
    // Not exploded, repeated values still list their items.
    expect(query('form', false, ARRAY, 'color=a,b&color=c')).toEqual(['a', 'b', 'c']);
  });

  it('reads an exploded object from its own properties only, never from another parameter', () => {
    const page = { type: 'object', properties: { offset: { type: 'integer' }, limit: { type: 'integer' } } };
    expect(query('form', true, page, 'offset=1')).toEqual({ offset: 1 });
    expect(query('form', true, page, 'offset=1&limit=5&sort=name', ['sort'])).toEqual({ offset: 1, limit: 5 });
    expect(query('form', true, page, 'sort=name', ['sort'])).toBeUndefined();
    // A free-form object takes every unclaimed name, but not the mock's own `__code` conventions.
    expect(query('form', true, { type: 'object', additionalProperties: { type: 'integer' } }, 'a=1&b=2&sort=x&__code=404', ['sort'])).toEqual({ a: 1, b: 2 });
    const tagged = { type: 'object', properties: { tag: ARRAY } };
    expect(query('form', true, tagged, 'tag=a&tag=b')).toEqual({ tag: ['a', 'b'] });
  });

  it('reads spaceDelimited, pipeDelimited and deepObject query values', () => {
    expect(query('spaceDelimited', false, ARRAY, 'color=blue%20black%20brown')).toEqual(COLOURS);
    expect(query('spaceDelimited', false, OBJECT, 'color=R%20100%20G%20200%20B%20150')).toEqual(RGB);
    expect(query('pipeDelimited', false, ARRAY, 'color=blue|black|brown')).toEqual(COLOURS);
    expect(query('pipeDelimited', false, OBJECT, 'color=R|100|G|200|B|150')).toEqual(RGB);
    expect(query('deepObject', true, OBJECT, 'color[R]=100&color[G]=200&color[B]=150&other[R]=1')).toEqual(RGB);
    expect(query('deepObject', true, { type: 'object' }, 'color[owner][id]=7')).toEqual({ owner: { id: '7' } });
    expect(query('deepObject', true, OBJECT, 'other[R]=1')).toBeUndefined();
  });

  it('reads form cookies, exploded or not', () => {
    const cookies = parseCookies('color=blue; R=100; G=200; B=150; list=a%2Cb');
    const read = (overrides: Partial<Parameter>) => compileParameter(param({ in: 'cookie', ...overrides }), lookup)(source({ cookies }));
    expect(read({})).toBe('blue');
    expect(read({ name: 'list', explode: false, schema: ARRAY })).toEqual(['a', 'b']);
    expect(read({ name: 'rgb', explode: true, schema: OBJECT })).toEqual(RGB);
  });

  it('coerces primitives to the schema type, through refs and compositions, and leaves text that does not fit', () => {
    expect(query('form', true, { type: 'integer' }, 'color=42')).toBe(42);
    expect(query('form', true, { type: 'integer' }, 'color=4x')).toBe('4x');
    expect(query('form', true, { type: 'boolean' }, 'color=true')).toBe(true);
    expect(query('form', true, { type: ['integer', 'null'] }, 'color=')).toBe(null);
    expect(query('form', true, { type: 'string' }, 'color=007')).toBe('007');
    expect(query('form', true, { allOf: [{ type: 'number' }, { minimum: 0 }] }, 'color=1.5')).toBe(1.5);
    expect(query('form', true, { type: 'integer', nullable: true }, 'color=null')).toBe(null);
  });

  it('names a value that breaks its style instead of guessing', () => {
    expect(path('label', false, STRING, 'blue')).toBeInstanceOf(StyleMismatch);
    expect(path('matrix', false, STRING, 'blue')).toBeInstanceOf(StyleMismatch);
    expect(path('matrix', true, ARRAY, ';colour=blue')).toBeInstanceOf(StyleMismatch);
    expect(path('simple', true, OBJECT, 'R100')).toBeInstanceOf(StyleMismatch);
    expect(path('simple', false, OBJECT, 'R,100,G')).toBeInstanceOf(StyleMismatch);
    const json = compileParameter(param({ json: true }), lookup);
    expect(json(source({ query: 'color={"a":1}' }))).toEqual({ a: 1 });
    expect(json(source({ query: 'color={oops' }))).toBeInstanceOf(StyleMismatch);
  });

  it('keeps a member named __proto__ as data', () => {
    const read = query('form', false, { type: 'object' }, 'color=__proto__,x') as Record<string, unknown>;
    expect(Object.getPrototypeOf(read)).toBe(Object.prototype);
    expect(Object.keys(read)).toEqual(['__proto__']);
  });
});
