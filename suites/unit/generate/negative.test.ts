import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { hasNegative, negativeArbitrary } from '../../../src/generate/index.js';

const ctx = { dialect: 'oas31' as const, resolveRef: () => undefined };
const sample = (schema: unknown, direction: 'request' | 'response' = 'request') =>
  fc.sample(negativeArbitrary(schema, ctx, { direction }), { numRuns: 200, seed: 3 });

describe('negativeArbitrary', () => {
  it('locates nested mutations by JSON pointer and reports required at the parent', () => {
    const schema = { type: 'object', required: ['a/b'], properties: { 'a/b': { type: 'array', items: { type: 'string', maxLength: 2 } } } };
    const found = new Set(sample(schema).map((n) => `${n.keyword}@${n.pointer}`));
    expect(found).toContain('required@');
    expect(found).toContain('type@/a~1b');
    expect(found).toContain('maxLength@/a~1b/0');
  });
  it('does not require or mutate a readOnly property in a request', () => {
    const schema = { type: 'object', required: ['id'], properties: { id: { type: 'string', readOnly: true } } };
    expect(sample(schema).every((n) => n.pointer === '' && n.keyword === 'type')).toBe(true);
  });
  it('stays out of oneOf branches', () => {
    expect(hasNegative({ oneOf: [{ type: 'string' }, { type: 'integer' }] }, ctx)).toBe(false);
  });
  it('yields null when nothing can be broken', () => {
    expect(sample({}).every((n) => n === null)).toBe(true);
  });
});
