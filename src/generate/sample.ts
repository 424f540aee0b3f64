import fc from 'fast-check';
import type { GenerateOptions, SchemaContext } from './context.js';
import { schemaArbitrary } from './schema-arbitrary.js';

/** Deterministic single value (used by the mock for a static example when the document has none): same input + seed → same value. */
export function sampleValue(schema: unknown, ctx: SchemaContext, options: GenerateOptions & { seed: number }): unknown {
  const { seed, ...rest } = options;
  const [value] = fc.sample(schemaArbitrary(schema, ctx, rest), { seed, numRuns: 1 });
  return value;
}
