import type { BuildState, Schema, SchemaContext } from './context.js';
import { UnsatisfiableSchema, isObject } from './context.js';
import { formatHolds } from './format-check.js';
import { jsonEqual } from '../core/index.js';
import { matches } from './matches.js';
import { resolveSchema } from './normalize.js';

const MAX_DEPTH = 32;

/**
 * The values a schema level documents — its `examples` (3.0's `example` folded in), then its
 * `default` — that satisfy it, formats included, without duplicates. With `scalarsOnly`, objects
 * and arrays are left out: the matcher is best-effort, and only scalars are sure.
 */
export function documentedValues(schema: Schema, state: BuildState, scalarsOnly: boolean): unknown[] {
  const candidates = [...((schema['examples'] as unknown[] | undefined) ?? []), ...('default' in schema ? [schema['default']] : [])];
  return candidates.filter(
    (value, i) =>
      (!scalarsOnly || value === null || typeof value !== 'object') &&
      candidates.findIndex((other) => jsonEqual(value, other)) === i &&
      matches(schema, value, state.ctx, state.direction) &&
      formatsHold(schema, value, state.ctx, 0),
  );
}

// The matcher ignores `format`; this walks the value along declared properties and items to check
// every string against its schema's format as Ajv would.
function formatsHold(schema: Schema, value: unknown, ctx: SchemaContext, depth: number): boolean {
  if (typeof value === 'string') return formatHolds(schema['format'], value);
  if (depth > MAX_DEPTH) return true;
  const child = (raw: unknown, item: unknown): boolean => {
    if (raw === undefined) return true;
    try {
      const resolved = resolveSchema(raw, ctx).schema;
      return resolved === null || formatsHold(resolved, item, ctx, depth + 1);
    } catch (error) {
      if (error instanceof UnsatisfiableSchema) return false;
      throw error;
    }
  };
  if (Array.isArray(value)) return value.every((item) => child(schema['items'], item));
  if (!isObject(value)) return true;
  const properties = isObject(schema['properties']) ? schema['properties'] : {};
  return Object.entries(value).every(([key, item]) => !Object.hasOwn(properties, key) || child(properties[key], item));
}
