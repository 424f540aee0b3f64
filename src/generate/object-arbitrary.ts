import fc from 'fast-check';
import type { BuildState, Schema } from './context.js';
import { UnsatisfiableSchema, deeper, isHiddenFor, isMinimal } from './context.js';
import type { Build } from './array-arbitrary.js';
import { resolveSchema } from './normalize.js';
import { compilePattern } from './string-arbitrary.js';

const EXTRA_KEYS = fc.stringMatching(/^[a-z][a-z0-9_]{0,9}$/);
const READABLE_KEYS = fc.constantFrom('alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta', 'eta', 'theta');
const DEFAULT_EXTRAS = 2;

/** Which declared properties may appear for this direction, and which must. */
export function objectKeys(schema: Schema, state: BuildState): { required: string[]; optional: string[]; declared: Schema } {
  const declared = (schema['properties'] as Schema | undefined) ?? {};
  const required = new Set((schema['required'] as string[] | undefined) ?? []);
  const visible: string[] = [];
  for (const [key, raw] of Object.entries(declared)) {
    const resolved = resolveSchema(raw, state.ctx).schema;
    if (resolved === null) {
      if (required.has(key)) throw new UnsatisfiableSchema(`required ${key} has schema false`);
      continue;
    }
    // OAS 3.x: readOnly properties are not sent in requests, writeOnly ones not returned.
    if (isHiddenFor(resolved, state.direction)) required.delete(key);
    else visible.push(key);
  }
  const undeclared = [...required].filter((key) => !(key in declared));
  return {
    required: [...visible.filter((key) => required.has(key)), ...undeclared],
    optional: visible.filter((key) => !required.has(key)),
    declared,
  };
}

/** Objects satisfying properties/required, additional and pattern properties, and property counts. */
export function objectArbitrary(schema: Schema, state: BuildState, build: Build): fc.Arbitrary<Record<string, unknown>> {
  const { required, optional, declared } = objectKeys(schema, state);
  const child = deeper(state);
  const patterns = Object.keys((schema['patternProperties'] as Schema | undefined) ?? {});
  const additional = schema['additionalProperties'];
  const undeclaredSchema = (key: string): unknown => {
    const pattern = patterns.find((p) => compilePattern(p)?.test(key));
    if (pattern !== undefined) return (schema['patternProperties'] as Schema)[pattern];
    if (additional === false) throw new UnsatisfiableSchema(`required ${key} is not allowed`);
    return additional ?? {};
  };
  const valueFor = (key: string): fc.Arbitrary<unknown> =>
    build(key in declared ? declared[key] : undeclaredSchema(key), { ...child, property: key });
  const minP = typeof schema['minProperties'] === 'number' ? schema['minProperties'] : 0;
  const maxP = typeof schema['maxProperties'] === 'number' ? schema['maxProperties'] : Infinity;
  if (required.length > maxP) throw new UnsatisfiableSchema('more required properties than maxProperties');
  const extrasAllowed = additional !== false && patterns.length === 0;
  // Extra keys only when the schema asks for them, or minProperties needs them.
  const extraSchema = additional === undefined ? {} : additional;
  const wantExtras = isMinimal(state) || additional === undefined || additional === false ? 0 : DEFAULT_EXTRAS;
  const needed = Math.max(0, minP - required.length);
  if (!extrasAllowed && needed > optional.length) throw new UnsatisfiableSchema('minProperties cannot be reached');
  const optionalMax = isMinimal(state) ? Math.min(optional.length, needed) : Math.min(optional.length, maxP - required.length);
  // 'all' fills every optional property the counts allow (Prism's alwaysFakeOptionals).
  const optionalMin = state.optional === 'all' ? Math.max(optionalMax, extrasAllowed ? 0 : needed) : extrasAllowed ? 0 : needed;
  const requiredArbs = Object.fromEntries(required.map((key) => [key, valueFor(key)]));
  const optionalArbs = new Map<string, fc.Arbitrary<unknown>>();
  const optionalArb = (key: string): fc.Arbitrary<unknown> => {
    if (!optionalArbs.has(key)) optionalArbs.set(key, valueFor(key));
    return optionalArbs.get(key) as fc.Arbitrary<unknown>;
  };
  const extraValue = extrasAllowed ? build(extraSchema, child) : undefined;
  const order = [...Object.keys(declared), ...required];
  return fc.subarray(optional, { minLength: optionalMin, maxLength: Math.max(optionalMin, optionalMax) }).chain((chosen) => {
    const spec: Record<string, fc.Arbitrary<unknown>> = {};
    for (const key of order) {
      if (key in spec) continue;
      if (key in requiredArbs) spec[key] = requiredArbs[key] as fc.Arbitrary<unknown>;
      else if (chosen.includes(key)) spec[key] = optionalArb(key);
    }
    const count = Object.keys(spec).length;
    const extraMin = Math.max(0, minP - count);
    const extraMax = Math.min(maxP - count, Math.max(extraMin, wantExtras));
    // fc.record builds null-prototype objects; callers expect plain ones.
    if (extraValue === undefined || extraMax <= 0) return fc.record(spec).map((object) => ({ ...object }));
    const extraKeys = fc.uniqueArray(
      (state.readable ? READABLE_KEYS : EXTRA_KEYS).filter((key) => !(key in declared)),
      { minLength: extraMin, maxLength: extraMax },
    );
    return fc.tuple(fc.record(spec), extraKeys.chain((keys) => fc.tuple(...keys.map(() => extraValue)).map((values) => keys.map((k, i) => [k, values[i]] as const)))).map(
      ([base, extras]) => ({ ...base, ...Object.fromEntries(extras) }),
    );
  });
}
