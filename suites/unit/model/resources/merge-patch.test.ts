import { describe, expect, it } from 'vitest';
import { applyMergePatch, mergeValue, overlay } from '../../../../src/model/resources/merge-patch.js';

// RFC 7396 Appendix A, every example: [original, patch, result].
const APPENDIX_A: Array<[unknown, unknown, unknown]> = [
  [{ a: 'b' }, { a: 'c' }, { a: 'c' }],
  [{ a: 'b' }, { b: 'c' }, { a: 'b', b: 'c' }],
  [{ a: 'b' }, { a: null }, {}],
  [{ a: 'b', b: 'c' }, { a: null }, { b: 'c' }],
  [{ a: ['b'] }, { a: 'c' }, { a: 'c' }],
  [{ a: 'c' }, { a: ['b'] }, { a: ['b'] }],
  [{ a: { b: 'c' } }, { a: { b: 'd', c: null } }, { a: { b: 'd' } }],
  [{ a: [{ b: 'c' }] }, { a: [1] }, { a: [1] }],
  [['a', 'b'], ['c', 'd'], ['c', 'd']],
  [{ a: 'b' }, ['c'], ['c']],
  [{ a: 'foo' }, null, null],
  [{ a: 'foo' }, 'bar', 'bar'],
  [{ e: null }, { a: 1 }, { e: null, a: 1 }],
  [[1, 2], { a: 'b', c: null }, { a: 'b' }],
  [{}, { a: { bb: { ccc: null } } }, { a: { bb: {} } }],
];

describe('merge patch', () => {
  it.each(APPENDIX_A)('follows RFC 7396 Appendix A: %j + %j', (original, patch, result) => {
    const before = structuredClone(original);
    expect(mergeValue(original, patch)).toEqual(result);
    expect(original).toEqual(before);
  });

  it('keeps null for a nullable top-level member and removes any other', () => {
    const patched = applyMergePatch({ a: 1, b: 2, c: { d: 1 } }, { a: null, b: null, c: { d: null } }, new Set(['a']));
    expect(patched).toEqual({ a: null, c: {} });
  });

  it('keeps a member named __proto__ as data', () => {
    const patched = applyMergePatch({}, JSON.parse('{"__proto__": {"polluted": true}}'), new Set());
    expect(Object.keys(patched)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('overlays with null as a value and arrays replaced', () => {
    expect(overlay({ a: { b: 1, c: 2 }, d: [1, 2], e: 'x' }, { a: { b: null }, d: [3], f: 1 })).toEqual({ a: { b: null, c: 2 }, d: [3], e: 'x', f: 1 });
    expect(overlay('generated', { a: 1 })).toEqual({ a: 1 });
  });
});
