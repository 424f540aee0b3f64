import fc from 'fast-check';
import type { BuildState, Schema } from './context.js';
import { UnsatisfiableSchema, deeper, isMinimal } from './context.js';
import { canonicalJson } from '../core/index.js';
import { probedFilter } from './probe.js';

/** Builds the arbitrary for one subschema; passed in to keep the files acyclic. */
export type Build = (raw: unknown, state: BuildState) => fc.Arbitrary<unknown>;

/** The item count range an array schema allows once the generator's cap is applied. */
export function itemBounds(schema: Schema, state: BuildState): { min: number; max: number } {
  const min = typeof schema['minItems'] === 'number' ? Math.max(0, Math.ceil(schema['minItems'])) : 0;
  const declaredMax = typeof schema['maxItems'] === 'number' ? Math.floor(schema['maxItems']) : Infinity;
  if (min > declaredMax) throw new UnsatisfiableSchema(`minItems ${min} exceeds maxItems ${declaredMax}`);
  let max = Math.min(declaredMax, Math.max(min, state.maxItems));
  const prefix = Array.isArray(schema['prefixItems']) ? schema['prefixItems'].length : 0;
  if (schema['items'] === false) max = Math.min(max, prefix);
  if (min > max) throw new UnsatisfiableSchema('items: false forbids the items minItems asks for');
  // At the depth limit the shortest valid array stops the recursion (brief: smallest choice).
  return { min, max: isMinimal(state) ? min : max };
}

/** Arrays satisfying items/prefixItems, minItems/maxItems and uniqueItems. */
export function arrayArbitrary(schema: Schema, state: BuildState, build: Build): fc.Arbitrary<unknown[]> {
  const bounds = itemBounds(schema, state);
  // An answer a person reads shows at least one item where the schema and depth allow one; a
  // static one (documented values first) shows the fewest, as a document's own example would.
  const min = state.readable && !isMinimal(state) ? Math.max(bounds.min, Math.min(1, bounds.max)) : bounds.min;
  const max = state.examples === 'first' ? min : bounds.max;
  if (max === 0) return fc.constant([]);
  const child = deeper(state);
  const prefix = Array.isArray(schema['prefixItems']) ? (schema['prefixItems'] as unknown[]) : [];
  const unique = schema['uniqueItems'] === true;
  const rest = max > prefix.length ? build(schema['items'] ?? {}, child) : undefined;
  if (prefix.length === 0 && rest !== undefined) {
    return unique
      ? fc.uniqueArray(rest, { minLength: min, maxLength: max, selector: canonicalJson })
      : fc.array(rest, { minLength: min, maxLength: max });
  }
  const prefixArbs = prefix.slice(0, max).map((raw) => build(raw, child));
  const tuples = fc.integer({ min, max }).chain((length) => {
    const arbs = Array.from({ length }, (_, i) => prefixArbs[i] ?? (rest as fc.Arbitrary<unknown>));
    return fc.tuple(...arbs);
  });
  if (!unique) return tuples;
  return probedFilter(tuples, (items) => new Set(items.map(canonicalJson)).size === items.length, 'uniqueItems');
}
