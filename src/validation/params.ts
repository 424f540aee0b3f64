import type { Parameter } from '../openapi/index.js';

/**
 * Deserialises raw parameter strings by `style`/`explode` (OAS §4.8.12.4) and coerces primitives
 * to the schema's type, so that `?limit=10` validates against `type: integer`. Values that do not
 * coerce stay strings and fail validation with a clear type error.
 */
export type SchemaLookup = (schema: unknown) => Record<string, unknown> | undefined;

export function deserialiseParameter(parameter: Parameter, raw: string | string[], lookup: SchemaLookup): unknown {
  const schema = lookup(parameter.schema);
  if (parameter.json) {
    const text = Array.isArray(raw) ? (raw[0] ?? '') : raw;
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  const types = typesOf(schema);
  if (types.includes('array')) {
    const items = lookup(schema?.items);
    return splitArray(parameter, raw).map((item) => coerce(item, typesOf(items)));
  }
  if (types.includes('object') && parameter.style !== 'deepObject') {
    const parts = splitArray(parameter, raw);
    const properties = (schema?.properties ?? {}) as Record<string, unknown>;
    const object: Record<string, unknown> = {};
    for (let i = 0; i + 1 < parts.length; i += 2) {
      object[parts[i]!] = coerce(parts[i + 1]!, typesOf(lookup(properties[parts[i]!])));
    }
    return object;
  }
  const value = Array.isArray(raw) ? raw[0]! : raw;
  return coerce(value, types);
}

/** Reads `name[key]=value` pairs of a deepObject parameter. */
export function deserialiseDeepObject(
  parameter: Parameter,
  query: URLSearchParams,
  lookup: SchemaLookup,
): Record<string, unknown> | undefined {
  const schema = lookup(parameter.schema);
  const properties = (schema?.properties ?? {}) as Record<string, unknown>;
  const prefix = `${parameter.name}[`;
  let object: Record<string, unknown> | undefined;
  for (const [key, value] of query) {
    if (!key.startsWith(prefix) || !key.endsWith(']')) continue;
    const member = key.slice(prefix.length, -1);
    object ??= {};
    object[member] = coerce(value, typesOf(lookup(properties[member])));
  }
  return object;
}

function splitArray(parameter: Parameter, raw: string | string[]): string[] {
  if (Array.isArray(raw) && parameter.explode) return raw;
  const text = Array.isArray(raw) ? raw.join(',') : raw;
  if (text === '') return [];
  switch (parameter.style) {
    case 'spaceDelimited':
      return text.split(' ');
    case 'pipeDelimited':
      return text.split('|');
    case 'label':
      return text.replace(/^\./, '').split(parameter.explode ? '.' : ',');
    case 'matrix':
      return text.replace(new RegExp(`^;${parameter.name}=`), '').split(',');
    default:
      return text.split(',');
  }
}

function typesOf(schema: Record<string, unknown> | undefined): string[] {
  if (!schema) return [];
  if (typeof schema.type === 'string') return [schema.type];
  if (Array.isArray(schema.type)) return schema.type.filter((type): type is string => typeof type === 'string');
  return [];
}

const NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

function coerce(value: string, types: string[]): unknown {
  if (types.length === 0 || types.includes('string')) return value;
  if ((types.includes('integer') || types.includes('number')) && NUMBER.test(value)) return Number(value);
  if (types.includes('boolean') && (value === 'true' || value === 'false')) return value === 'true';
  if (types.includes('null') && value === '') return null;
  return value;
}
