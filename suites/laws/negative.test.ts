import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { hasNegative, negativeArbitrary } from '../../src/generate/index.js';
import { CORPUS, contextFor } from './support/corpus.js';
import { createValidators } from './support/oas-ajv.js';

const numRuns = Number(process.env['FC_NUM_RUNS'] ?? 60);
const seed = Number(process.env['FC_SEED'] ?? Date.now() % 100_000);

describe(`negative values fail exactly the keyword they mutate (seed ${seed})`, () => {
  for (const direction of ['request', 'response'] as const) {
    const validators = new Map<unknown, ReturnType<typeof createValidators>>();
    for (const c of CORPUS.filter((c) => hasNegative(c.schema, contextFor(c), { direction }))) {
      it(`${direction}: ${c.name}`, () => {
        if (!validators.has(c.components)) validators.set(c.components, createValidators(c.components, c.dialect, direction));
        const validate = validators.get(c.components)!(c.schema);
        fc.assert(
          fc.property(negativeArbitrary(c.schema, contextFor(c), { direction }), (negative) => {
            const outcome = validate(negative.value);
            expect(outcome.valid).toBe(false);
            const located = outcome.errors.map((e) => `${e.keyword} at '${e.instancePath}'`);
            expect(located).toContain(`${negative.keyword} at '${negative.pointer}'`);
          }),
          { numRuns, seed },
        );
      });
    }
  }
});

describe('hasNegative', () => {
  const ctx = { dialect: 'oas31' as const, resolveRef: () => undefined };
  it('is false for a schema that admits everything', () => {
    expect(hasNegative({}, ctx)).toBe(false);
    expect(hasNegative(true, ctx)).toBe(false);
  });
  it('is true once a keyword constrains the value', () => {
    expect(hasNegative({ type: 'string' }, ctx)).toBe(true);
    expect(hasNegative({ minimum: 1 }, ctx)).toBe(true);
  });
});

describe('negative coverage', () => {
  it('produces every keyword it promises somewhere in the corpus', () => {
    const seen = new Set<string>();
    for (const c of CORPUS) {
      for (const direction of ['request', 'response'] as const) {
        if (!hasNegative(c.schema, contextFor(c), { direction })) continue;
        for (const n of fc.sample(negativeArbitrary(c.schema, contextFor(c), { direction }), { numRuns: 30, seed: 1 })) seen.add(n.keyword);
      }
    }
    const promised = ['type', 'required', 'enum', 'const', 'pattern', 'maxLength', 'minLength', 'minimum', 'maximum'];
    const alsoPromised = ['exclusiveMinimum', 'exclusiveMaximum', 'maxItems', 'minItems', 'format', 'additionalProperties', 'multipleOf'];
    expect([...seen].sort()).toEqual(expect.arrayContaining([...promised, ...alsoPromised]));
  });
});
