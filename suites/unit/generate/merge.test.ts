import { describe, it, expect } from 'vitest';
import { mergeSchemas } from '../../../src/generate/merge.js';

describe('mergeSchemas', () => {
  it('intersects types and enums, unites required, tightens bounds', () => {
    const merged = mergeSchemas(
      { type: ['number', 'null'], enum: [1, 2, 3], minimum: 0, maximum: 10, required: ['a'] },
      { type: ['integer'], enum: [2, 3, 4], minimum: 2, maximum: 20, required: ['b'] },
    );
    expect(merged).toEqual({ type: ['integer'], enum: [2, 3], minimum: 2, maximum: 10, required: ['a', 'b'] });
  });
  it('combines shared properties with allOf and keeps conflicts as filters', () => {
    const merged = mergeSchemas({ properties: { a: { type: 'string' } }, pattern: 'x' }, { properties: { a: { maxLength: 2 } }, pattern: 'y' });
    expect(merged['properties']).toEqual({ a: { allOf: [{ type: 'string' }, { maxLength: 2 }] } });
    expect(merged['__filters']).toEqual([{ properties: { a: { maxLength: 2 } }, pattern: 'y' }]);
  });
  it('throws when types are disjoint', () => {
    expect(() => mergeSchemas({ type: ['string'] }, { type: ['integer'] })).toThrow(/disjoint/);
  });
  it('drops properties a closed part forbids', () => {
    const merged = mergeSchemas({ properties: { a: {} }, additionalProperties: false }, { properties: { b: {} } });
    expect(Object.keys(merged['properties'] as object)).toEqual(['a']);
  });
});
