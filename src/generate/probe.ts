import fc from 'fast-check';
import { UnsatisfiableSchema } from './context.js';

const PROBES = 40;

/**
 * Filters an arbitrary after checking, on a fixed-seed sample, that the predicate accepts
 * something: fast-check's own filter would spin forever on an unsatisfiable predicate.
 */
export function probedFilter<T>(arbitrary: fc.Arbitrary<T>, predicate: (value: T) => boolean, what: string): fc.Arbitrary<T> {
  const sample = fc.sample(arbitrary, { numRuns: PROBES, seed: 42 });
  if (!sample.some(predicate)) throw new UnsatisfiableSchema(`no generated value satisfies ${what}`);
  return arbitrary.filter(predicate);
}
