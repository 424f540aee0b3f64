import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { isMultipleOf, numberArbitrary, numberBounds } from '../../../src/generate/number-arbitrary.js';

describe('numberArbitrary', () => {
  it('keeps exclusive bounds for integers and numbers', () => {
    fc.assert(fc.property(numberArbitrary({ exclusiveMinimum: 1, exclusiveMaximum: 3 }, true), (n) => n === 2), { numRuns: 30 });
    fc.assert(fc.property(numberArbitrary({ exclusiveMinimum: 0, maximum: 1 }, false), (n) => n > 0 && n <= 1), { numRuns: 100 });
  });
  it('generates multiples Ajv accepts, never -0', () => {
    fc.assert(fc.property(numberArbitrary({ multipleOf: 0.1, minimum: -1, maximum: 1 }, false), (n) => isMultipleOf(n, 0.1) && !Object.is(n, -0)), { numRuns: 100 });
  });
  it('applies the int32 range and rejects empty ranges', () => {
    expect(numberBounds({ format: 'int32', maximum: 2 ** 40 }, true).max).toBe(2 ** 31 - 1);
    expect(numberBounds({ format: 'int32' }, true).max).toBe(1000);
    expect(() => numberBounds({ minimum: 2, maximum: 1 }, false)).toThrow(/no number/);
  });
});
