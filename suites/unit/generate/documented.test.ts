import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sampleValue, schemaArbitrary, type GenerateOptions } from '../../../src/generate/index.js';
import { formatHolds } from '../../../src/generate/format-check.js';

const ctx = (dialect: 'oas30' | 'oas31' = 'oas31') => ({ dialect, resolveRef: () => undefined });
const STATIC: GenerateOptions = { direction: 'response', examples: 'first', optional: 'all', readable: true };
const at = (schema: unknown, dialect: 'oas30' | 'oas31' = 'oas31', options = STATIC) =>
  [0, 1, 2].map((seed) => sampleValue(schema, ctx(dialect), { ...options, seed }));

describe("documented values come first in a static answer (issue 10: ']#LywJx'' where the document says 'hello')", () => {
  it("uses a property's example, 3.0 `example` and 3.1 `examples` alike", () => {
    const schema30 = { type: 'object', required: ['greeting'], properties: { greeting: { type: 'string', example: 'hello' } } };
    const schema31 = { type: 'object', required: ['greeting'], properties: { greeting: { type: 'string', examples: ['hello', 'hi'] } } };
    expect(at(schema30, 'oas30')).toEqual([{ greeting: 'hello' }, { greeting: 'hello' }, { greeting: 'hello' }]);
    expect(at(schema31)).toEqual([{ greeting: 'hello' }, { greeting: 'hello' }, { greeting: 'hello' }]);
    // Generated values only now and then show the example otherwise.
    const generated = [1, 2, 3, 4, 5, 6].map((seed) => sampleValue(schema31, ctx(), { direction: 'response', seed }));
    expect(generated.some((value) => !['hello', 'hi'].includes((value as { greeting: string }).greeting))).toBe(true);
  });

  it('falls back to `default`, and to generation, skipping values that contradict their schema', () => {
    const schema = {
      type: 'object',
      properties: {
        size: { type: 'integer', minimum: 1, maximum: 9, default: 4 },
        tooBig: { type: 'integer', maximum: 9, default: 12 },
        when: { type: 'string', format: 'date-time', examples: ['yesterday', '2024-05-01T10:00:00Z'] },
        mail: { type: 'string', format: 'email', example: 'not an email', default: 'ada@example.com' },
        short: { type: 'string', maxLength: 3, examples: ['toolong', 'ok'] },
        point: { type: 'object', required: ['x'], properties: { x: { type: 'number' } }, examples: [{ y: 1 }, { x: 1.5 }] },
      },
    };
    for (const value of at(schema)) {
      expect(value).toMatchObject({ size: 4, when: '2024-05-01T10:00:00Z', mail: 'ada@example.com', short: 'ok', point: { x: 1.5 } });
      expect((value as { tooBig: number }).tooBig).toBeLessThanOrEqual(9);
    }
  });

  it('checks formats exactly as Ajv (ajv-formats, full mode) does', () => {
    expect(formatHolds('date-time', '2024-05-01T10:00:00Z')).toBe(true);
    expect(formatHolds('date-time', '2024-02-30T10:00:00Z')).toBe(false);
    expect(formatHolds('email', 'ada@example.com')).toBe(true);
    expect(formatHolds('uri', 'not a uri')).toBe(false);
    expect(formatHolds('x-unknown', 'anything')).toBe(true);
    expect(formatHolds('int32', 'anything')).toBe(true);
  });
});

describe('optional properties', () => {
  const allOptional = {
    type: 'object',
    properties: {
      name: { type: 'string' },
      tag: { type: 'string' },
      age: { type: 'integer' },
      nested: { type: 'object', properties: { a: { type: 'boolean' } } },
    },
  };

  it("are all present with optional: 'all' (issue 10: dynamic answers were often {})", () => {
    fc.assert(
      fc.property(schemaArbitrary(allOptional, ctx(), { direction: 'response', optional: 'all' }), (value) => {
        expect(Object.keys(value as object).sort()).toEqual(['age', 'name', 'nested', 'tag']);
        expect(Object.keys((value as { nested: object }).nested)).toEqual(['a']);
      }),
      { numRuns: 30, seed: 1 },
    );
    const some = fc.sample(schemaArbitrary(allOptional, ctx(), { direction: 'response' }), { numRuns: 30, seed: 1 });
    expect(some.some((value) => Object.keys(value as object).length < 4)).toBe(true);
  });

  it('stay within maxProperties', () => {
    const capped = { ...allOptional, maxProperties: 2 };
    for (const value of fc.sample(schemaArbitrary(capped, ctx(), { direction: 'response', optional: 'all' }), { numRuns: 30, seed: 2 })) {
      expect(Object.keys(value as object)).toHaveLength(2);
    }
  });
});
