import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sampleValue, schemaArbitrary } from '../../../src/generate/index.js';
import { fitLength, readableString, snakeName } from '../../../src/generate/readable-string.js';

const ctx = { dialect: 'oas31' as const, resolveRef: () => undefined };
const READABLE = { direction: 'response', readable: true, optional: 'all' } as const;
const ASCII = /^[\x20-\x7e]*$/;

describe('readable strings', () => {
  it('reads property names in any case style', () => {
    expect(['createdAt', 'created-at', 'Created_At', 'HTMLUrl', 'user id'].map(snakeName)).toEqual([
      'created_at',
      'created_at',
      'created_at',
      'htmlurl',
      'user_id',
    ]);
  });

  it('gives a string what its property name says, where the default draws random Unicode', () => {
    const schema = {
      type: 'object',
      properties: Object.fromEntries(
        ['email', 'html_url', 'createdAt', 'name', 'description', 'user_id', 'birth_date', 'uuid', 'country_code'].map((key) => [
          key,
          { type: 'string' },
        ]),
      ),
    };
    for (const seed of [1, 2, 3, 4, 5]) {
      const value = sampleValue(schema, ctx, { ...READABLE, seed }) as Record<string, string>;
      expect(value['email']).toMatch(/^[a-z]+\.[a-z]+@example\.(com|org|net)$/);
      expect(value['html_url']).toMatch(/^https:\/\/[a-z]+\.example\.(com|org|net)\//);
      expect(new Date(value['createdAt']!).toISOString()).toBe(value['createdAt']);
      expect(value['birth_date']).toMatch(/^\d{4}-\d\d-\d\d$/);
      expect(value['uuid']).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      expect(value['description']).toMatch(/^[A-Z][a-z ]+\.$/);
      expect(value['user_id']).toMatch(/^[0-9a-f]{12}$/);
      expect(value['country_code']).toMatch(/^[A-Z]{2}$/);
      for (const text of Object.values(value)) expect(text).toMatch(ASCII);
    }
    // Without the option, a plain string property is arbitrary text (the "]#LywJx'" of issue 10).
    const plain = [1, 2, 3, 4, 5].map(
      (seed) => (sampleValue(schema, ctx, { direction: 'response', optional: 'all', seed }) as Record<string, string>)['email'],
    );
    expect(plain.some((text) => !/@example\./.test(text ?? ''))).toBe(true);
  });

  it('keeps every length the schema allows', () => {
    fc.assert(
      fc.property(fc.constantFrom('name', 'email', 'description', 'title', 'id', 'whatever'), fc.nat(30), fc.nat(30), (name, a, b) => {
        const [min, max] = a <= b ? [a, b] : [b, a];
        const arb = readableString({ type: 'string', minLength: min, maxLength: max }, name)!;
        for (const text of fc.sample(arb, { numRuns: 5, seed: a * 31 + b })) {
          expect(text.length).toBeGreaterThanOrEqual(min);
          expect(text.length).toBeLessThanOrEqual(max);
          expect(text).toMatch(ASCII);
        }
      }),
      { numRuns: 100, seed: 7 },
    );
    expect(fitLength('Ada Lovelace', 0, 4)).toBe('Ada');
    expect(fitLength('', 3, 10)).toBe('lorem');
  });

  it('leaves patterns and strict formats to their own generators, and reads loose ones', () => {
    expect(readableString({ type: 'string', pattern: '^x+$' }, 'name')).toBeUndefined();
    expect(readableString({ type: 'string', format: 'uuid' }, 'name')).toBeUndefined();
    expect(fc.sample(readableString({ type: 'string', format: 'email' }, 'contact')!, { numRuns: 5, seed: 1 })).toEqual(
      expect.arrayContaining([expect.stringMatching(/@example\./)]),
    );
    expect(fc.sample(readableString({ type: 'string', format: 'password' }, 'password')!, { numRuns: 3, seed: 1 })[0]).toMatch(
      /^tok_[0-9a-f]{24}$/,
    );
  });

  it('draws non-negative short numbers without a lower bound, and at least one array item', () => {
    const schema = {
      type: 'object',
      required: ['n', 'x', 'neg', 'list'],
      properties: {
        n: { type: 'integer' },
        x: { type: 'number' },
        neg: { type: 'integer', exclusiveMaximum: 0 },
        list: { type: 'array', items: { type: 'string' } },
      },
    };
    fc.assert(
      fc.property(schemaArbitrary(schema, ctx, READABLE), (value) => {
        const { n, x, neg, list } = value as { n: number; x: number; neg: number; list: string[] };
        expect(n).toBeGreaterThanOrEqual(0);
        expect(x).toBeGreaterThanOrEqual(0);
        expect(Math.round(x * 100)).toBeCloseTo(x * 100, 6);
        expect(neg).toBeLessThan(0);
        expect(list.length).toBeGreaterThanOrEqual(1);
      }),
      { numRuns: 50, seed: 3 },
    );
  });
});
