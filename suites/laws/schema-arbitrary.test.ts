import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { sampleValue, schemaArbitrary, type GenerateOptions } from '../../src/generate/index.js';
import { CORPUS, contextFor } from './support/corpus.js';
import { createValidators } from './support/oas-ajv.js';

const numRuns = Number(process.env['FC_NUM_RUNS'] ?? 60);
const seed = Number(process.env['FC_SEED'] ?? Date.now() % 100_000);

describe(`generated values validate against their schema (seed ${seed})`, () => {
  for (const direction of ['request', 'response'] as const) {
    const validators = new Map<unknown, ReturnType<typeof createValidators>>();
    for (const c of CORPUS) {
      it(`${direction}: ${c.name}`, () => {
        if (!validators.has(c.components)) validators.set(c.components, createValidators(c.components, c.dialect, direction));
        const validate = validators.get(c.components)!(c.schema);
        const arb = schemaArbitrary(c.schema, contextFor(c), { direction });
        fc.assert(
          fc.property(arb, (value) => {
            const outcome = validate(value);
            expect(outcome.errors).toEqual([]);
            // Generated values must survive JSON unchanged (no undefined, NaN, -0 or Infinity).
            expect(JSON.parse(JSON.stringify(value))).toStrictEqual(value);
          }),
          { numRuns, seed },
        );
      });
    }
  }
});

// The mock's flavours (stateless.ts): static answers prefer documented values, every answer is
// readable and fills optional properties. They must stay exactly as valid.
const FLAVOURS: Record<string, GenerateOptions> = {
  'static answer': { direction: 'response', examples: 'first', optional: 'all', readable: true },
  'dynamic answer': { direction: 'response', optional: 'all', readable: true },
  'readable request': { direction: 'request', readable: true },
};

describe(`mock flavours generate values that validate against their schema (seed ${seed})`, () => {
  for (const [flavour, options] of Object.entries(FLAVOURS)) {
    const validators = new Map<unknown, ReturnType<typeof createValidators>>();
    for (const c of CORPUS) {
      it(`${flavour}: ${c.name}`, () => {
        if (!validators.has(c.components)) validators.set(c.components, createValidators(c.components, c.dialect, options.direction));
        const validate = validators.get(c.components)!(c.schema);
        fc.assert(
          fc.property(schemaArbitrary(c.schema, contextFor(c), options), (value) => {
            expect(validate(value).errors).toEqual([]);
            expect(JSON.parse(JSON.stringify(value))).toStrictEqual(value);
          }),
          { numRuns: Math.max(10, Math.floor(numRuns / 3)), seed },
        );
      });
    }
  }
});

describe('sampleValue', () => {
  for (const c of CORPUS.filter((_, i) => i % 3 === 0)) {
    it(`is deterministic for a seed: ${c.name}`, () => {
      const ctx = contextFor(c);
      const first = sampleValue(c.schema, ctx, { direction: 'response', seed: 7 });
      const again = sampleValue(c.schema, ctx, { direction: 'response', seed: 7 });
      expect(again).toStrictEqual(first);
    });
  }
});
