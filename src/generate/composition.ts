import fc from 'fast-check';
import type { BuildState, Schema } from './context.js';
import { UnsatisfiableSchema, isMinimal, isObject, refName } from './context.js';
import { matches } from './matches.js';
import { mergeSchemas } from './merge.js';
import type { Resolved } from './normalize.js';
import { resolveSchema } from './normalize.js';
import { probedFilter } from './probe.js';

/** Builds from a resolved schema; passed in to keep the files acyclic. */
export type BuildResolved = (resolved: Resolved, state: BuildState) => fc.Arbitrary<unknown>;

const refOf = (raw: unknown): string | undefined => (isObject(raw) && typeof raw['$ref'] === 'string' ? raw['$ref'] : undefined);

/**
 * `oneOf`/`anyOf`: each branch is merged with the keywords beside it and built on its own; for
 * `oneOf`, values that also match another branch are filtered out when that is cheap.
 */
export function unionArbitrary(resolved: Resolved, state: BuildState, buildResolved: BuildResolved): fc.Arbitrary<unknown> {
  const schema = resolved.schema as Schema;
  const kind = Array.isArray(schema['oneOf']) ? 'oneOf' : 'anyOf';
  const branches = schema[kind] as unknown[];
  const base: Schema = { ...schema };
  delete base[kind];
  // Polymorphism through allOf (Cat = allOf[Pet], Pet = oneOf[Cat, Dog]): inside Cat, the union is Cat itself.
  const self = branches.map(refOf).find((ref) => ref !== undefined && resolved.refs.includes(ref));
  if (self !== undefined) return buildResolved({ schema: base, name: refName(self), refs: resolved.refs }, state);
  const order = isMinimal(state) ? simplestFirst(branches, state) : branches.map((_, i) => i);
  const exclusive: fc.Arbitrary<unknown>[] = [];
  const loose: fc.Arbitrary<unknown>[] = [];
  let firstError: unknown;
  for (const i of order) {
    try {
      const branch = resolveSchema(branches[i], state.ctx);
      if (branch.schema === null) continue;
      const merged = mergeSchemas(base, branch.schema);
      const name = branch.name ?? resolved.name;
      const arb = buildResolved({ schema: merged, refs: [...resolved.refs, ...branch.refs], ...(name === undefined ? {} : { name }) }, state);
      if (kind === 'anyOf') exclusive.push(arb);
      else {
        const others = branches.filter((_, j) => j !== i);
        const alone = (v: unknown): boolean => !others.some((other) => matches(other, v, state.ctx, state.direction));
        try {
          exclusive.push(probedFilter(arb, alone, 'oneOf exclusivity'));
        } catch (error) {
          if (!(error instanceof UnsatisfiableSchema)) throw error;
          loose.push(arb);
        }
      }
      // At the depth limit the first (simplest) branch that can be built is enough.
      if (isMinimal(state) && exclusive.length > 0) break;
    } catch (error) {
      if (!(error instanceof UnsatisfiableSchema)) throw error;
      firstError ??= error;
    }
  }
  const chosen = exclusive.length > 0 ? exclusive : loose;
  if (chosen.length === 0) throw firstError ?? new UnsatisfiableSchema(`no ${kind} branch can be generated`);
  return chosen.length === 1 ? (chosen[0] as fc.Arbitrary<unknown>) : fc.oneof(...chosen);
}

// Scalars and null before objects and arrays, inline schemas before refs (which may recurse).
function simplestFirst(branches: unknown[], state: BuildState): number[] {
  const score = (raw: unknown): number => {
    const resolved = resolveSchema(raw, state.ctx).schema;
    const types = (resolved?.['type'] as string[] | undefined) ?? [];
    if (types.includes('null')) return 0;
    if (types.length > 0 && types.every((t) => t !== 'object' && t !== 'array')) return 1;
    return refOf(raw) === undefined ? 2 : 3;
  };
  return branches.map((raw, i) => ({ i, s: score(raw) })).sort((a, b) => a.s - b.s || a.i - b.i).map(({ i }) => i);
}

/** `if`/`then`/`else` (best effort): either satisfy `if` and `then`, or fail `if` and satisfy `else`. */
export function conditionalArbitrary(resolved: Resolved, state: BuildState, buildResolved: BuildResolved): fc.Arbitrary<unknown> {
  const { if: condition, then: thenSchema, else: elseSchema, ...base } = resolved.schema as Schema;
  const resolve = (raw: unknown): Schema | null => (raw === undefined ? {} : resolveSchema(raw, state.ctx).schema);
  const options: fc.Arbitrary<unknown>[] = [];
  const attempt = (make: () => fc.Arbitrary<unknown>): void => {
    try {
      options.push(make());
    } catch (error) {
      if (!(error instanceof UnsatisfiableSchema)) throw error;
    }
  };
  const withSchema = (schema: Schema): Resolved => ({ schema, refs: resolved.refs, ...(resolved.name === undefined ? {} : { name: resolved.name }) });
  attempt(() => {
    const cond = resolve(condition);
    const then = resolve(thenSchema);
    if (cond === null || then === null) throw new UnsatisfiableSchema('if/then is false');
    return buildResolved(withSchema(mergeSchemas(mergeSchemas(base, cond), then)), state);
  });
  attempt(() => {
    const otherwise = resolve(elseSchema);
    if (otherwise === null) throw new UnsatisfiableSchema('else is false');
    const arb = buildResolved(withSchema(mergeSchemas(base, otherwise)), state);
    return probedFilter(arb, (v) => !matches(condition, v, state.ctx, state.direction), 'else');
  });
  if (options.length === 0) throw new UnsatisfiableSchema('neither if/then nor else can be generated');
  return options.length === 1 ? (options[0] as fc.Arbitrary<unknown>) : fc.oneof(...options);
}
