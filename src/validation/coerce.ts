import { readScalarText } from '../core/index.js';

/** Follows refs of a schema node of the document. */
export type SchemaLookup = (schema: unknown) => Record<string, unknown> | undefined;

/** Turns the text of one value into what its schema types it as; text that does not fit stays text. */
export type Coerce = (text: string) => unknown;

/** The structure a schema gives a serialised value, with the coercions its parts need, built once. */
export interface ValueShape {
  kind: 'primitive' | 'array' | 'object';
  coerce: Coerce;
  /** Arrays: the coercion of each item. */
  item: Coerce;
  /** Objects: the coercion of each declared property, and of any other member. */
  properties: ReadonlyMap<string, Coerce>;
  additional: Coerce;
  /** Objects: whether members beyond the declared properties belong to the value. */
  open: boolean;
  /** The property schemas as written, for nested shapes (multipart parts). */
  propertySchemas: ReadonlyMap<string, unknown>;
}

const MAX_DEPTH = 8;

const identity: Coerce = (text) => text;

/** The shape of a schema: follows `$ref`s and reads types through `allOf`/`anyOf`/`oneOf`. */
export function shapeOf(schema: unknown, lookup: SchemaLookup): ValueShape {
  const resolved = lookup(schema);
  const types = typesOf(resolved, lookup, 0);
  const kind = types.has('array') ? 'array' : types.has('object') ? 'object' : 'primitive';
  const propertySchemas = new Map<string, unknown>();
  collectProperties(resolved, lookup, propertySchemas, 0);
  const properties = new Map<string, Coerce>();
  for (const [name, property] of propertySchemas) properties.set(name, coercerFor(property, lookup));
  const additionalSchema = resolved?.additionalProperties;
  return {
    kind,
    coerce: coercerOf(types),
    item: kind === 'array' ? coercerFor(resolved?.items, lookup) : identity,
    properties,
    additional: additionalSchema !== null && typeof additionalSchema === 'object' ? coercerFor(additionalSchema, lookup) : identity,
    // Declared properties alone close the value unless other members are explicitly welcome.
    open: additionalSchema === true || (typeof additionalSchema === 'object' && additionalSchema !== null) || propertySchemas.size === 0,
    propertySchemas,
  };
}

/** The coercion of a primitive schema. */
export function coercerFor(schema: unknown, lookup: SchemaLookup): Coerce {
  return coercerOf(typesOf(lookup(schema), lookup, 0));
}

function coercerOf(types: ReadonlySet<string>): Coerce {
  if (types.size === 0 || types.has('string')) return identity;
  // `1.5` for an integer becomes a number too, so Ajv reports "must be integer" rather than a type error about text.
  return (text) => readScalarText(text, types);
}

function typesOf(schema: Record<string, unknown> | undefined, lookup: SchemaLookup, depth: number): Set<string> {
  const types = new Set<string>();
  if (!schema || depth > MAX_DEPTH) return types;
  if (typeof schema.type === 'string') types.add(schema.type);
  else if (Array.isArray(schema.type)) for (const type of schema.type) if (typeof type === 'string') types.add(type);
  if (schema.nullable === true) types.add('null');
  for (const keyword of ['allOf', 'anyOf', 'oneOf'] as const) {
    const members = schema[keyword];
    if (Array.isArray(members)) for (const member of members) for (const type of typesOf(lookup(member), lookup, depth + 1)) types.add(type);
  }
  if (types.size === 0 && (schema.properties || schema.additionalProperties)) types.add('object');
  if (types.size === 0 && schema.items) types.add('array');
  return types;
}

function collectProperties(schema: Record<string, unknown> | undefined, lookup: SchemaLookup, into: Map<string, unknown>, depth: number): void {
  if (!schema || depth > MAX_DEPTH) return;
  const properties = schema.properties;
  if (properties !== null && typeof properties === 'object') {
    for (const [name, property] of Object.entries(properties as Record<string, unknown>)) if (!into.has(name)) into.set(name, property);
  }
  for (const keyword of ['allOf', 'anyOf', 'oneOf'] as const) {
    const members = schema[keyword];
    if (Array.isArray(members)) for (const member of members) collectProperties(lookup(member), lookup, into, depth + 1);
  }
}
