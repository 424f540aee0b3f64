import fc from 'fast-check';
import { escapeToken } from '../core/index.js';
import type { BuildState, GenerateOptions, Schema, SchemaContext } from './context.js';
import { UnsatisfiableSchema, deeper, isObject, rootState } from './context.js';
import { leafMutations } from './negative-leaf.js';
import { resolveSchema } from './normalize.js';
import { objectKeys } from './object-arbitrary.js';
import { buildResolved } from './schema-arbitrary.js';
import { compilePattern } from './string-arbitrary.js';

/** A value one mutation away from valid, with the Ajv keyword it breaks and where (Ajv's instancePath). */
export interface NegativeValue {
  value: unknown;
  keyword: string;
  pointer: string;
  description: string;
}

type Alternatives = fc.Arbitrary<NegativeValue>[];

/**
 * Values exactly one mutation away from valid: wrong type, missing required, outside the
 * enum/const, breaking a pattern, too long/short, below minimum/above maximum, too many/few items.
 * Yields `null` when the schema admits no such value; check `hasNegative` first.
 */
export function negativeArbitrary(schema: unknown, ctx: SchemaContext, options: GenerateOptions): fc.Arbitrary<NegativeValue> {
  const alternatives = negatives(schema, rootState(ctx, options));
  if (alternatives.length === 0) return fc.constant(null) as unknown as fc.Arbitrary<NegativeValue>;
  return fc.oneof(...alternatives);
}

/** Whether the schema admits a single-mutation invalid value that negativeArbitrary can produce. */
export function hasNegative(schema: unknown, ctx: SchemaContext, options: GenerateOptions = { direction: 'request' }): boolean {
  return negatives(schema, rootState(ctx, options)).length > 0;
}

function negatives(raw: unknown, state: BuildState): Alternatives {
  let schema: Schema | null;
  try {
    schema = resolveSchema(raw, state.ctx).schema;
  } catch (error) {
    if (error instanceof UnsatisfiableSchema) return [];
    throw error;
  }
  // Under a union, a negation or leftovers of allOf, no single mutation is sure to be the failing one.
  if (schema === null || ['oneOf', 'anyOf', 'not', 'if', '__filters'].some((k) => k in schema)) return [];
  const out: Alternatives = leafMutations(schema, state.text).map((m) => fc.constant({ ...m, pointer: '' }));
  const types = schema['type'] as string[] | undefined;
  const attempt = (make: () => Alternatives): void => {
    try {
      out.push(...make());
    } catch (error) {
      if (!(error instanceof UnsatisfiableSchema)) throw error;
    }
  };
  if (types?.includes('object')) attempt(() => objectNegatives(schema, state));
  if (types?.includes('array')) attempt(() => arrayNegatives(schema, state));
  return out;
}

const valid = (schema: Schema, state: BuildState): fc.Arbitrary<unknown> =>
  buildResolved({ schema: { ...schema, type: (schema['type'] as string[]).filter((t) => t === 'object' || t === 'array') }, refs: [] }, state);

function objectNegatives(schema: Schema, state: BuildState): Alternatives {
  const out: Alternatives = [];
  const { required, optional, declared } = objectKeys(schema, state);
  const asObject = (arb: fc.Arbitrary<unknown>): fc.Arbitrary<Record<string, unknown>> => arb.filter(isObject);
  const base = { ...schema, type: ['object'] };
  for (const key of required) {
    out.push(
      asObject(valid(base, state)).map((object) => {
        const { [key]: _removed, ...rest } = object;
        return { value: rest, keyword: 'required', pointer: '', description: `missing required ${key}` };
      }),
    );
  }
  // As text, an undeclared member of a closed object is read as another parameter, not as a member.
  if (schema['additionalProperties'] === false && !state.text) {
    const patterns = Object.keys((schema['patternProperties'] as Schema | undefined) ?? {});
    const extra = ['zz_unexpected', 'zz_unexpected_2'].find((k) => !(k in declared) && !patterns.some((p) => compilePattern(p)?.test(k)));
    if (extra !== undefined) {
      out.push(
        asObject(valid(base, state)).map((object) => ({
          value: { ...object, [extra]: 'unexpected' },
          keyword: 'additionalProperties',
          pointer: '',
          description: `undeclared property ${extra}`,
        })),
      );
    }
  }
  if (state.depth >= state.maxDepth) return out;
  const child = deeper(state);
  for (const key of [...required, ...optional].filter((k) => k in declared)) {
    const inner = negatives(declared[key], child);
    if (inner.length === 0) continue;
    const withKey = asObject(valid({ ...base, required: [...((schema['required'] as string[] | undefined) ?? []), key] }, state));
    out.push(
      fc.tuple(withKey, fc.oneof(...inner)).map(([object, negative]) => ({
        ...negative,
        value: { ...object, [key]: negative.value },
        pointer: `/${escapeToken(key)}${negative.pointer}`,
      })),
    );
  }
  return out;
}

function arrayNegatives(schema: Schema, state: BuildState): Alternatives {
  const out: Alternatives = [];
  const base = { ...schema, type: ['array'] };
  const asArray = (arb: fc.Arbitrary<unknown>): fc.Arbitrary<unknown[]> => arb.filter(Array.isArray);
  const min = typeof schema['minItems'] === 'number' ? Math.ceil(schema['minItems']) : 0;
  const max = typeof schema['maxItems'] === 'number' ? Math.floor(schema['maxItems']) : undefined;
  const sized = (n: number, keyword: string, description: string): void => {
    const arb = asArray(valid({ ...base, minItems: n, maxItems: n }, { ...state, maxItems: n }));
    out.push(arb.map((value) => ({ value, keyword, pointer: '', description })));
  };
  if (min > 0) sized(min - 1, 'minItems', `fewer than ${min} items`);
  if (max !== undefined && max < 50) sized(max + 1, 'maxItems', `more than ${max} items`);
  if (state.depth >= state.maxDepth || max === 0) return out;
  const prefix = Array.isArray(schema['prefixItems']) ? (schema['prefixItems'] as unknown[]) : [];
  const first = prefix.length > 0 ? prefix[0] : schema['items'];
  if (first === undefined) return out;
  const inner = negatives(first, deeper(state));
  if (inner.length === 0) return out;
  const nonEmpty = asArray(valid({ ...base, minItems: Math.max(1, min) }, state));
  out.push(
    fc.tuple(nonEmpty, fc.oneof(...inner)).map(([items, negative]) => ({
      ...negative,
      value: [negative.value, ...items.slice(1)],
      pointer: `/0${negative.pointer}`,
    })),
  );
  return out;
}
