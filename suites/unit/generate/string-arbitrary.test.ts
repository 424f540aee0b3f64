import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { codePointLength, stringArbitrary } from '../../../src/generate/string-arbitrary.js';

describe('stringArbitrary', () => {
  it('counts length in code points', () => {
    expect(codePointLength('a😀')).toBe(2);
    fc.assert(fc.property(stringArbitrary({ minLength: 2, maxLength: 3 }), (s) => [...s].length >= 2 && [...s].length <= 3), { numRuns: 100 });
  });
  it('honours a pattern together with lengths', () => {
    const arb = stringArbitrary({ pattern: '^[a-c]+$', minLength: 2, maxLength: 4 });
    fc.assert(fc.property(arb, (s) => /^[a-c]{2,4}$/.test(s)), { numRuns: 100 });
  });
  it('falls back when fast-check cannot read the pattern', () => {
    fc.assert(fc.property(stringArbitrary({ pattern: '^(?!x).*$', maxLength: 3 }), (s) => !s.startsWith('x')), { numRuns: 50 });
  });
  it('rejects impossible lengths', () => {
    expect(() => stringArbitrary({ minLength: 3, maxLength: 2 })).toThrow(/minLength/);
  });
});

describe('stringArbitrary with long anchored patterns', () => {
  it('generates ids longer than the default span when only the pattern bounds them', () => {
    const values = fc.sample(stringArbitrary({ type: 'string', pattern: '^harness_[0-9a-f]{32}$' }), { numRuns: 20, seed: 3 });
    for (const value of values) expect(value).toMatch(/^harness_[0-9a-f]{32}$/);
  });
});
