import type fc from 'fast-check';
import type { BuildState, Schema } from './context.js';
import { isHiddenFor, isObject, refName } from './context.js';
import { matches } from './matches.js';
import { resolveSchema } from './normalize.js';

/** The discriminator property and the value naming `name`, per the schema's mapping (OAS 3.x §4.8.25). */
export function discriminatorValue(schema: Schema, name: string | undefined): { property: string; value: string } | undefined {
  const discriminator = schema['discriminator'];
  if (name === undefined || !isObject(discriminator) || typeof discriminator['propertyName'] !== 'string') return undefined;
  const mapping = isObject(discriminator['mapping']) ? discriminator['mapping'] : {};
  const mapped = Object.entries(mapping).find(([, target]) => typeof target === 'string' && (target === name || refName(target) === name));
  return { property: discriminator['propertyName'], value: mapped?.[0] ?? name };
}

/** Sets the discriminator property of generated objects to the value naming the schema they came from. */
export function applyDiscriminator(
  arb: fc.Arbitrary<Record<string, unknown>>,
  schema: Schema,
  name: string | undefined,
  state: BuildState,
): fc.Arbitrary<Record<string, unknown>> {
  const found = discriminatorValue(schema, name);
  if (found === undefined) return arb;
  const { property, value } = found;
  const declared = isObject(schema['properties']) ? schema['properties'][property] : undefined;
  if (declared !== undefined) {
    const resolved = resolveSchema(declared, state.ctx).schema;
    if (resolved === null || isHiddenFor(resolved, state.direction)) return arb;
    // A property schema that rejects the mapped name (say an enum of other spellings) wins.
    if (!matches(declared, value, state.ctx, state.direction)) return arb;
  } else if (schema['additionalProperties'] === false) {
    return arb;
  }
  return arb.map((object) => ({ ...object, [property]: value }));
}
