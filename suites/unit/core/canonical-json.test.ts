import { describe, expect, it } from 'vitest';
import { canonicalJson, jsonEqual } from '../../../src/core/canonical-json.js';

describe('canonicalJson', () => {
  it('sorts keys at every depth and leaves arrays in order', () => {
    expect(canonicalJson({ b: [{ d: 1, c: 2 }], a: null })).toBe('{"a":null,"b":[{"c":2,"d":1}]}');
  });

  it('drops undefined members as JSON.stringify does, and keeps a "__proto__" key as data', () => {
    expect(canonicalJson({ a: undefined, b: 1 })).toBe('{"b":1}');
    expect(canonicalJson(JSON.parse('{"__proto__": {"x": 1}}'))).toBe('{"__proto__":{"x":1}}');
    expect(canonicalJson(undefined)).toBe('null');
  });
});

describe('jsonEqual', () => {
  it('ignores key order and nothing else', () => {
    expect(jsonEqual({ a: 1, b: [1, 2] }, { b: [1, 2], a: 1 })).toBe(true);
    expect(jsonEqual([1, 2], [2, 1])).toBe(false);
    expect(jsonEqual(1, '1')).toBe(false);
  });
});
