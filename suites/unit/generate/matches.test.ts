import { describe, it, expect } from 'vitest';
import { matches } from '../../../src/generate/matches.js';

const ctx = { dialect: 'oas31' as const, resolveRef: () => undefined };
const m = (schema: unknown, value: unknown) => matches(schema, value, ctx, 'response');

describe('matches', () => {
  it('checks scalars', () => {
    expect(m({ type: 'integer', minimum: 1, multipleOf: 2 }, 4)).toBe(true);
    expect(m({ type: 'integer', minimum: 1, multipleOf: 2 }, 3)).toBe(false);
    expect(m({ type: 'string', minLength: 2 }, '😀😀')).toBe(true);
    expect(m({ type: 'string', minLength: 3 }, '😀😀')).toBe(false);
    expect(m({ pattern: '^a' }, 'ba')).toBe(false);
  });
  it('checks objects, arrays and composition', () => {
    expect(m({ required: ['a'], additionalProperties: false, properties: { a: {} } }, { a: 1, b: 2 })).toBe(false);
    expect(m({ items: { type: 'string' }, uniqueItems: true }, ['a', 'a'])).toBe(false);
    expect(m({ oneOf: [{ type: 'integer' }, { type: 'number' }] }, 1)).toBe(false);
    expect(m({ not: { const: 1 } }, 2)).toBe(true);
  });
  it('does not require a readOnly property in a request', () => {
    const schema = { required: ['id'], properties: { id: { readOnly: true } } };
    expect(matches(schema, {}, ctx, 'request')).toBe(true);
    expect(matches(schema, {}, ctx, 'response')).toBe(false);
  });
});
