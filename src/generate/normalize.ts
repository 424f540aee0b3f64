import type { Schema, SchemaContext } from './context.js';
import { UnsatisfiableSchema, isObject, refName } from './context.js';
import { mergeSchemas } from './merge.js';

/** A schema with its `$ref`s followed and `allOf` merged, plus the name of the last ref followed. */
export interface Resolved {
  /** Dialect-neutral schema, or `null` for a schema that admits nothing (`false`). */
  schema: Schema | null;
  /** Last segment of the last `$ref` followed, used for discriminator values. */
  name?: string;
  /** The `$ref` strings followed on the way, outermost first. */
  refs: string[];
}

const MAX_HOPS = 64;

/**
 * Follows `$ref`s, merges `allOf` and rewrites dialect-specific keywords so that every other
 * file reads one form: `type` is always an array (with "null" for 3.0 `nullable`), exclusive
 * bounds are numbers, and `example` joins `examples`.
 */
export function resolveSchema(raw: unknown, ctx: SchemaContext, hops = 0): Resolved {
  if (hops > MAX_HOPS) throw new UnsatisfiableSchema('$ref or allOf cycle without structure');
  if (raw === false) return { schema: null, refs: [] };
  if (!isObject(raw)) return { schema: {}, refs: [] };
  if (typeof raw['$ref'] === 'string') return resolveRef(raw, raw['$ref'], ctx, hops);
  let schema = toNeutral(raw, ctx.dialect);
  const refs: string[] = [];
  const allOf = raw['allOf'];
  if (Array.isArray(allOf)) {
    delete schema['allOf'];
    for (const part of allOf) {
      const resolved = resolveSchema(part, ctx, hops + 1);
      if (resolved.schema === null) return { schema: null, refs };
      refs.push(...resolved.refs);
      schema = mergeSchemas(schema, resolved.schema);
    }
  }
  return { schema, refs };
}

function resolveRef(raw: Schema, ref: string, ctx: SchemaContext, hops: number): Resolved {
  const target = ctx.resolveRef(ref);
  if (target === undefined) throw new UnsatisfiableSchema(`cannot resolve ${ref}`);
  const inner = resolveSchema(target, ctx, hops + 1);
  const refs = [ref, ...inner.refs];
  // OAS 3.0 §4.7.24: siblings of $ref are ignored; 3.1 (JSON Schema 2020-12) applies them too.
  const { $ref: _ref, ...siblings } = raw;
  const hasSiblings = ctx.dialect === 'oas31' && Object.keys(siblings).some((k) => !ANNOTATIONS.has(k));
  if (!hasSiblings || inner.schema === null) return { schema: inner.schema, name: refName(ref), refs };
  const own = resolveSchema(siblings, ctx, hops + 1);
  if (own.schema === null) return { schema: null, refs };
  return { schema: mergeSchemas(inner.schema, own.schema), name: refName(ref), refs };
}

const ANNOTATIONS = new Set(['description', 'summary', 'title', '$comment']);

/** Rewrites one schema object's own dialect-specific keywords (not its subschemas). */
export function toNeutral(raw: Schema, dialect: 'oas30' | 'oas31'): Schema {
  const schema: Schema = { ...raw };
  const type = raw['type'];
  if (typeof type === 'string' || Array.isArray(type)) {
    const types = (Array.isArray(type) ? type : [type]).filter((t): t is string => typeof t === 'string');
    // OAS 3.0 §4.7.24.1: nullable adds null only alongside an explicit type.
    if (dialect === 'oas30' && raw['nullable'] === true && !types.includes('null')) types.push('null');
    schema['type'] = types;
  } else {
    delete schema['type'];
  }
  delete schema['nullable'];
  for (const [exclusive, bound] of [['exclusiveMinimum', 'minimum'], ['exclusiveMaximum', 'maximum']] as const) {
    const flag = raw[exclusive];
    if (typeof flag !== 'boolean') continue;
    // Draft 4 style (OAS 3.0): the boolean turns the sibling bound exclusive.
    delete schema[exclusive];
    if (flag && typeof raw[bound] === 'number') {
      schema[exclusive] = raw[bound];
      delete schema[bound];
    }
  }
  const examples = Array.isArray(raw['examples']) ? [...(raw['examples'] as unknown[])] : [];
  if ('example' in raw) examples.push(raw['example']);
  if (examples.length > 0) schema['examples'] = examples;
  else delete schema['examples'];
  delete schema['example'];
  return schema;
}
