import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { STRING_FORMATS, formatArbitrary, invalidForFormat } from '../../../src/generate/formats.js';

const shapes: Record<string, RegExp> = {
  'date-time': /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/,
  date: /^\d{4}-\d\d-\d\d$/,
  time: /^\d\d:\d\d:\d\d(Z|[+-]\d\d:\d\d)$/,
  email: /^[a-z0-9]+@[a-z0-9.]+$/,
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
  byte: /^[A-Za-z0-9+/]*={0,2}$/,
};

describe('formats', () => {
  for (const [format, shape] of Object.entries(shapes)) {
    it(`generates ${format}`, () => {
      fc.assert(fc.property(STRING_FORMATS[format]!, (value) => shape.test(value)), { numRuns: 50 });
    });
  }
  it('generates regexes that compile', () => {
    fc.assert(fc.property(STRING_FORMATS['regex']!, (value) => new RegExp(value, 'u') instanceof RegExp), { numRuns: 20 });
  });
  it('knows nothing of unknown formats', () => {
    expect(formatArbitrary('x-custom')).toBeUndefined();
    expect(invalidForFormat('x-custom')).toBeUndefined();
    expect(invalidForFormat('uuid')).toBe('not-a-uuid');
  });
});
