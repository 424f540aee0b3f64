import fc from 'fast-check';
import type { GenerateOptions, SchemaContext } from './context.js';
import { schemaArbitrary } from './schema-arbitrary.js';

/** Draws one value per seed from an arbitrary built once (a mock builds per operation, samples per request). */
export type Sampler = (seed: number) => unknown;

/** Builds the schema's arbitrary now (throwing UnsatisfiableSchema if it has none) and returns its sampler. */
export function createSampler(schema: unknown, ctx: SchemaContext, options: GenerateOptions): Sampler {
  const built = schemaArbitrary(schema, ctx, options);
  // fast-check leans towards edge values (1970, 2099-12-31, the bounds of a range), which suits
  // testing; values a person reads are drawn evenly.
  const arbitrary = options.readable ? fc.noBias(built) : built;
  return (seed) => fc.sample(arbitrary, { seed, numRuns: 1 })[0];
}

/** Deterministic single value (used by the mock for a static example when the document has none): same input + seed → same value. */
export function sampleValue(schema: unknown, ctx: SchemaContext, options: GenerateOptions & { seed: number }): unknown {
  const { seed, ...rest } = options;
  return createSampler(schema, ctx, rest)(seed);
}
