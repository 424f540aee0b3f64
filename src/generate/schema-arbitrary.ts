import fc from 'fast-check';
import type { BuildState, GenerateOptions, Schema, SchemaContext } from './context.js';
import { UnsatisfiableSchema, isMinimal, isObject, rootState } from './context.js';
import { anyJsonArbitrary } from './any-arbitrary.js';
import { arrayArbitrary } from './array-arbitrary.js';
import { conditionalArbitrary, unionArbitrary } from './composition.js';
import { applyDiscriminator } from './discriminator.js';
import { formatArbitrary } from './formats.js';
import { jsonEqual } from '../core/index.js';
import { hasType, matches } from './matches.js';
import type { Resolved } from './normalize.js';
import { resolveSchema } from './normalize.js';
import { numberArbitrary } from './number-arbitrary.js';
import { objectArbitrary } from './object-arbitrary.js';
import { probedFilter } from './probe.js';
import { stringArbitrary } from './string-arbitrary.js';

/** Values valid against an OpenAPI Schema Object, read in the context's dialect. */
export function schemaArbitrary(schema: unknown, ctx: SchemaContext, options: GenerateOptions): fc.Arbitrary<unknown> {
  return build(schema, rootState(ctx, options));
}

/** Builds the arbitrary of one (raw) subschema at a given state; refs are memoised per depth. */
export function build(raw: unknown, state: BuildState): fc.Arbitrary<unknown> {
  const ref = isObject(raw) && typeof raw['$ref'] === 'string' ? raw['$ref'] : undefined;
  const key = ref === undefined ? undefined : `${ref}@${state.depth}`;
  if (key !== undefined) {
    const cached = state.memo.get(key);
    if (cached === IN_PROGRESS) throw new UnsatisfiableSchema(`${ref} recurses without structure`);
    if (cached !== undefined) return cached as fc.Arbitrary<unknown>;
    state.memo.set(key, IN_PROGRESS);
  }
  try {
    const arb = buildResolved(resolveSchema(raw, state.ctx), state);
    if (key !== undefined) state.memo.set(key, arb);
    return arb;
  } catch (error) {
    if (key !== undefined) state.memo.delete(key);
    throw error;
  }
}

const IN_PROGRESS = Symbol('in-progress');

/** Builds from an already resolved schema: unions and conditionals first, then the type itself. */
export function buildResolved(resolved: Resolved, state: BuildState): fc.Arbitrary<unknown> {
  const { schema } = resolved;
  if (schema === null) throw new UnsatisfiableSchema('schema is false');
  if (Array.isArray(schema['oneOf']) || Array.isArray(schema['anyOf'])) return unionArbitrary(resolved, state, buildResolved);
  if ('if' in schema) return conditionalArbitrary(resolved, state, buildResolved);
  let arb = coreArbitrary(schema, state, resolved.name);
  const filters = (schema['__filters'] as unknown[] | undefined) ?? [];
  const not = schema['not'];
  if (filters.length > 0 || not !== undefined) {
    const { ctx, direction } = state;
    const ok = (v: unknown): boolean =>
      filters.every((f) => matches(f, v, ctx, direction)) && (not === undefined || !matches(not, v, ctx, direction));
    arb = probedFilter(arb, ok, 'allOf/not');
  }
  return arb;
}

function coreArbitrary(schema: Schema, state: BuildState, name: string | undefined): fc.Arbitrary<unknown> {
  const types = (schema['type'] as string[] | undefined) ?? inferTypes(schema);
  const fits = (v: unknown): boolean => types === undefined || types.some((t) => hasType(v, t));
  if ('const' in schema) {
    if (!fits(schema['const'])) throw new UnsatisfiableSchema('const does not match type');
    return fc.constant(schema['const']);
  }
  if (Array.isArray(schema['enum'])) {
    const { enum: _enum, ...rest } = schema;
    const allowed = schema['enum'].filter((v) => fits(v) && matches(rest, v, state.ctx, state.direction));
    if (allowed.length === 0) throw new UnsatisfiableSchema('no enum value satisfies the schema');
    return fc.constantFrom(...allowed);
  }
  if (types === undefined) return isMinimal(state) ? fc.constant(null) : anyJsonArbitrary;
  if (types.length === 0) throw new UnsatisfiableSchema('empty type list');
  // At the depth limit null is the smallest valid choice for a nullable schema.
  if (isMinimal(state) && types.includes('null')) return fc.constant(null);
  const arbs: fc.Arbitrary<unknown>[] = [];
  const errors: unknown[] = [];
  for (const type of types) {
    if (type === 'integer' && types.includes('number')) continue;
    try {
      arbs.push(typeArbitrary(type, schema, state, name));
    } catch (error) {
      if (!(error instanceof UnsatisfiableSchema)) throw error;
      errors.push(error);
    }
  }
  if (arbs.length === 0) throw errors[0] ?? new UnsatisfiableSchema('no type can be generated');
  const generated = arbs.length === 1 ? (arbs[0] as fc.Arbitrary<unknown>) : fc.oneof(...arbs);
  return withExamples(generated, schema, state);
}

function typeArbitrary(type: string, schema: Schema, state: BuildState, name: string | undefined): fc.Arbitrary<unknown> {
  switch (type) {
    case 'null': return fc.constant(null);
    case 'boolean': return fc.boolean();
    case 'integer': return numberArbitrary(schema, true);
    case 'number': return numberArbitrary(schema, false);
    case 'string': return stringArbitrary(schema);
    case 'array': return arrayArbitrary(schema, state, build);
    case 'object': return applyDiscriminator(objectArbitrary(schema, state, build), schema, name, state);
    default: throw new UnsatisfiableSchema(`unknown type ${type}`);
  }
}

/** Infers the type a typeless schema most plausibly describes from its keywords. */
function inferTypes(schema: Schema): string[] | undefined {
  const has = (...keys: string[]): boolean => keys.some((key) => key in schema);
  if (has('properties', 'required', 'additionalProperties', 'patternProperties', 'minProperties', 'maxProperties')) return ['object'];
  if (has('items', 'prefixItems', 'minItems', 'maxItems', 'uniqueItems')) return ['array'];
  if (has('minLength', 'maxLength', 'pattern')) return ['string'];
  if (has('minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf')) return ['number'];
  return undefined;
}

// Documented scalar examples and defaults show up now and then, when they are valid.
function withExamples(arb: fc.Arbitrary<unknown>, schema: Schema, state: BuildState): fc.Arbitrary<unknown> {
  const candidates = [...((schema['examples'] as unknown[] | undefined) ?? []), ...('default' in schema ? [schema['default']] : [])];
  const valid = candidates.filter(
    (v, i) =>
      (v === null || typeof v !== 'object') &&
      // The matcher ignores formats, so a string example for a known format is not trusted.
      !(typeof v === 'string' && formatArbitrary(schema['format']) !== undefined) &&
      candidates.findIndex((w) => jsonEqual(v, w)) === i &&
      matches(schema, v, state.ctx, state.direction),
  );
  if (valid.length === 0 || isMinimal(state)) return arb;
  return fc.oneof({ weight: 1, arbitrary: fc.constantFrom(...valid) }, { weight: 4, arbitrary: arb });
}
