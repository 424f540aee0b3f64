import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { codePointLength, stringArbitrary } from '../../../src/generate/string-arbitrary.js';

describe('stringArbitrary', () => {
  it('counts length in code points', () => {
    expect(codePointLength('a😀')).toBe(2);
    fc.assert(
      fc.property(stringArbitrary({ minLength: 2, maxLength: 3 }), (s) => [...s].length >= 2 && [...s].length <= 3),
      { numRuns: 100 },
    );
  });
  it('honours a pattern together with lengths', () => {
    const arb = stringArbitrary({ pattern: '^[a-c]+$', minLength: 2, maxLength: 4 });
    fc.assert(
      fc.property(arb, (s) => /^[a-c]{2,4}$/.test(s)),
      { numRuns: 100 },
    );
  });
  it('falls back when fast-check cannot read the pattern', () => {
    fc.assert(
      fc.property(stringArbitrary({ pattern: '^(?!x).*$', maxLength: 3 }), (s) => !s.startsWith('x')),
      { numRuns: 50 },
    );
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

describe('stringArbitrary with patterns from other engines and Unicode properties', () => {
  const holds = (pattern: string, check: RegExp, extra: Record<string, unknown> = {}) =>
    fc.assert(
      fc.property(stringArbitrary({ type: 'string', pattern, ...extra }), (s) => check.test(s)),
      { numRuns: 100, seed: 5 },
    );

  it('generates values that match a Unicode-property pattern (amazonaws.com/location)', () => {
    holds('^[-._\\p{L}\\p{N}]+$', /^[-._\p{L}\p{N}]+$/u, { minLength: 1, maxLength: 100 });
  });

  it('generates values that match the \\x{60} pattern read as ECMAScript', () => {
    holds('^([$\\-._+!*\\x{60}(),;/?:@=&\\w]|%([0-9a-fA-F]{2}))+$', /^([$\-._+!*\u0060(),;/?:@=&\w]|%([0-9a-fA-F]{2}))+$/u, {
      maxLength: 20,
    });
  });

  it('generates for patterns with lookarounds, inline flags and PCRE anchors by filtering a simpler form', () => {
    holds('(?i)^(?!admin)[a-z]{3,8}\\Z', /^(?!admin)[a-z]{3,8}$/i);
    holds('\\A(\\*\\.)?([a-zA-Z0-9-_]{1,63}\\.)+[a-zA-Z]{2,16}\\Z', /^(\*\.)?([a-zA-Z0-9\-_]{1,63}\.)+[a-zA-Z]{2,16}$/);
  });

  it('generates within the length bounds when the pattern cannot be checked at all', () => {
    fc.assert(
      fc.property(
        stringArbitrary({ type: 'string', pattern: '^\\h+$', minLength: 2, maxLength: 4 }),
        (s) => codePointLength(s) >= 2 && codePointLength(s) <= 4,
      ),
      {
        numRuns: 50,
      },
    );
  });
});

describe('stringArbitrary builds each distinct string schema once', () => {
  it('hands out the arbitrary it built for the same keywords, whatever else the schema carries', () => {
    const id = { type: 'string', pattern: '^app_[0-9a-f]{32}$' };
    expect(stringArbitrary({ ...id, description: 'in a path' })).toBe(stringArbitrary({ ...id, example: 'in a body' }));
  });

  it('builds another for other bounds, and each keeps its own', () => {
    const short = stringArbitrary({ pattern: '^[a-c]+$', maxLength: 2 });
    const long = stringArbitrary({ pattern: '^[a-c]+$', minLength: 5, maxLength: 6 });
    expect(long).not.toBe(short);
    for (const value of fc.sample(short, { numRuns: 30, seed: 1 })) expect(value).toMatch(/^[a-c]{1,2}$/);
    for (const value of fc.sample(long, { numRuns: 30, seed: 1 })) expect(value).toMatch(/^[a-c]{5,6}$/);
  });

  it('keeps throwing for a schema that admits no value', () => {
    expect(() => stringArbitrary({ pattern: '^a$', minLength: 2, maxLength: 3 })).toThrow(/no generated value/);
    expect(() => stringArbitrary({ pattern: '^a$', minLength: 2, maxLength: 3 })).toThrow(/no generated value/);
  });
});
