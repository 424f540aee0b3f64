import type { Schema, SchemaContext } from './context.js';
import { isHiddenFor, isObject } from './context.js';
import { jsonEqual } from '../core/index.js';
import { resolveSchema } from './normalize.js';
import { compilePattern, codePointLength } from './string-arbitrary.js';
import { isMultipleOf } from './number-arbitrary.js';

/**
 * A small, best-effort JSON Schema check used to filter generated values (`not`, `oneOf`
 * exclusivity, leftovers of `allOf`). It ignores `format`, which Ajv checks for real later.
 */
export function matches(raw: unknown, value: unknown, ctx: SchemaContext, direction: 'request' | 'response'): boolean {
  // A schema that reaches itself for the same value without consuming structure (Pet = oneOf[Cat],
  // Cat = allOf[Pet]) is assumed to hold there, which ends the recursion.
  if (active.some(([s, v]) => s === raw && v === value)) return true;
  active.push([raw, value]);
  try {
    return check(raw, value, ctx, direction);
  } finally {
    active.pop();
  }
}

const active: Array<[unknown, unknown]> = [];

function check(raw: unknown, value: unknown, ctx: SchemaContext, direction: 'request' | 'response'): boolean {
  const { schema } = resolveSchema(raw, ctx);
  if (schema === null) return false;
  const sub = (s: unknown, v: unknown): boolean => matches(s, v, ctx, direction);
  for (const filter of (schema['__filters'] as unknown[] | undefined) ?? []) if (!sub(filter, value)) return false;
  const types = schema['type'] as string[] | undefined;
  if (types !== undefined && !types.some((t) => hasType(value, t))) return false;
  if (Array.isArray(schema['enum']) && !schema['enum'].some((e) => jsonEqual(e, value))) return false;
  if ('const' in schema && !jsonEqual(schema['const'], value)) return false;
  if (typeof value === 'string' && !matchesString(schema, value)) return false;
  if (typeof value === 'number' && !matchesNumber(schema, value)) return false;
  if (Array.isArray(value) && !matchesArray(schema, value, sub)) return false;
  if (isObject(value) && !matchesObject(schema, value, sub, direction, ctx)) return false;
  if ('not' in schema && sub(schema['not'], value)) return false;
  if (Array.isArray(schema['anyOf']) && !schema['anyOf'].some((s) => sub(s, value))) return false;
  if (Array.isArray(schema['oneOf']) && schema['oneOf'].filter((s) => sub(s, value)).length !== 1) return false;
  if ('if' in schema) {
    const branch = sub(schema['if'], value) ? schema['then'] : schema['else'];
    if (branch !== undefined && !sub(branch, value)) return false;
  }
  return true;
}

/** Whether a JSON value has a JSON Schema type. */
export function hasType(value: unknown, type: string): boolean {
  switch (type) {
    case 'null': return value === null;
    case 'boolean': return typeof value === 'boolean';
    case 'integer': return typeof value === 'number' && Number.isInteger(value);
    case 'number': return typeof value === 'number' && Number.isFinite(value);
    case 'string': return typeof value === 'string';
    case 'array': return Array.isArray(value);
    case 'object': return isObject(value);
    default: return false;
  }
}

function matchesString(schema: Schema, value: string): boolean {
  const length = codePointLength(value);
  if (typeof schema['minLength'] === 'number' && length < schema['minLength']) return false;
  if (typeof schema['maxLength'] === 'number' && length > schema['maxLength']) return false;
  if (typeof schema['pattern'] === 'string') {
    const regex = compilePattern(schema['pattern']);
    if (regex !== undefined && !regex.test(value)) return false;
  }
  return true;
}

function matchesNumber(schema: Schema, value: number): boolean {
  const n = (key: string): number | undefined => (typeof schema[key] === 'number' ? (schema[key] as number) : undefined);
  const [min, max, xmin, xmax, step] = ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf'].map(n);
  if (min !== undefined && value < min) return false;
  if (max !== undefined && value > max) return false;
  if (xmin !== undefined && value <= xmin) return false;
  if (xmax !== undefined && value >= xmax) return false;
  return step === undefined || isMultipleOf(value, step);
}

type Sub = (schema: unknown, value: unknown) => boolean;

function matchesArray(schema: Schema, value: unknown[], sub: Sub): boolean {
  if (typeof schema['minItems'] === 'number' && value.length < schema['minItems']) return false;
  if (typeof schema['maxItems'] === 'number' && value.length > schema['maxItems']) return false;
  const prefix = Array.isArray(schema['prefixItems']) ? (schema['prefixItems'] as unknown[]) : [];
  for (let i = 0; i < value.length; i++) {
    const itemSchema = i < prefix.length ? prefix[i] : schema['items'];
    if (itemSchema !== undefined && !sub(itemSchema, value[i])) return false;
  }
  if (schema['uniqueItems'] === true) {
    for (let i = 0; i < value.length; i++) {
      for (let j = i + 1; j < value.length; j++) if (jsonEqual(value[i], value[j])) return false;
    }
  }
  return true;
}

function matchesObject(
  schema: Schema,
  value: Record<string, unknown>,
  sub: Sub,
  direction: 'request' | 'response',
  ctx: SchemaContext,
): boolean {
  const keys = Object.keys(value);
  if (typeof schema['minProperties'] === 'number' && keys.length < schema['minProperties']) return false;
  if (typeof schema['maxProperties'] === 'number' && keys.length > schema['maxProperties']) return false;
  const properties = (schema['properties'] as Schema | undefined) ?? {};
  for (const key of (schema['required'] as string[] | undefined) ?? []) {
    if (key in value) continue;
    const resolved = key in properties ? resolveSchema(properties[key], ctx).schema : null;
    // OAS 3.x: a required readOnly property is not required in a request (and writeOnly in a response).
    if (resolved !== null && isHiddenFor(resolved, direction)) continue;
    return false;
  }
  const patterns = Object.entries((schema['patternProperties'] as Schema | undefined) ?? {});
  for (const key of keys) {
    let known = false;
    if (key in properties) {
      known = true;
      if (!sub(properties[key], value[key])) return false;
    }
    for (const [pattern, patternSchema] of patterns) {
      if (!compilePattern(pattern)?.test(key)) continue;
      known = true;
      if (!sub(patternSchema, value[key])) return false;
    }
    const additional = schema['additionalProperties'];
    if (!known && additional !== undefined && !sub(additional, value[key])) return false;
  }
  return true;
}
