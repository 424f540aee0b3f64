import { Ajv } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { ErrorObject, ValidateFunction } from 'ajv';

// ajv-formats is CommonJS with a default export; NodeNext sees the module object.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv) => Ajv;

type Dialect = 'oas30' | 'oas31';
type Direction = 'request' | 'response';
type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const SINGLE = ['items', 'additionalProperties', 'not', 'if', 'then', 'else', 'contains', 'propertyNames'];
const LISTS = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];
const MAPS = ['properties', 'patternProperties', '$defs'];

/**
 * Test-only conversion of an OpenAPI Schema Object to plain JSON Schema for Ajv: 3.0's nullable,
 * boolean exclusive bounds and $ref siblings, and for both dialects the readOnly/writeOnly rule
 * that a hidden property is not required in that direction.
 */
export function toJsonSchema(schema: unknown, dialect: Dialect, direction: Direction, lookup: (ref: string) => unknown): unknown {
  if (!isObject(schema)) return schema;
  if (typeof schema['$ref'] === 'string' && dialect === 'oas30') return { $ref: schema['$ref'] };
  const out: Json = {};
  for (const [key, value] of Object.entries(schema)) {
    if (SINGLE.includes(key)) out[key] = toJsonSchema(value, dialect, direction, lookup);
    else if (LISTS.includes(key) && Array.isArray(value)) out[key] = value.map((v) => toJsonSchema(v, dialect, direction, lookup));
    else if (MAPS.includes(key) && isObject(value)) {
      out[key] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toJsonSchema(v, dialect, direction, lookup)]));
    } else out[key] = value;
  }
  if (dialect === 'oas30') {
    if (schema['nullable'] === true && typeof schema['type'] === 'string') out['type'] = [schema['type'], 'null'];
    delete out['nullable'];
    for (const [flag, bound] of [['exclusiveMinimum', 'minimum'], ['exclusiveMaximum', 'maximum']] as const) {
      if (typeof schema[flag] !== 'boolean') continue;
      delete out[flag];
      if (schema[flag] === true && typeof schema[bound] === 'number') {
        out[flag] = schema[bound];
        delete out[bound];
      }
    }
  }
  if (Array.isArray(schema['required']) && isObject(schema['properties'])) {
    const properties = schema['properties'];
    out['required'] = (schema['required'] as string[]).filter((key) => !isHidden(properties[key], direction, lookup));
  }
  return out;
}

function isHidden(schema: unknown, direction: Direction, lookup: (ref: string) => unknown, hops = 0): boolean {
  if (!isObject(schema) || hops > 10) return false;
  if (typeof schema['$ref'] === 'string') return isHidden(lookup(schema['$ref']), direction, lookup, hops + 1);
  return direction === 'request' ? schema['readOnly'] === true : schema['writeOnly'] === true;
}

/** Result of validating one value. */
export interface Outcome {
  valid: boolean;
  errors: ErrorObject[];
}

/** Compiles a document's component schemas once; returns a validator factory per target schema. */
export function createValidators(components: Json, dialect: Dialect, direction: Direction): (target: unknown) => (value: unknown) => Outcome {
  const lookup = (ref: string): unknown => components[decodeURIComponent(ref.split('/').pop() ?? '')];
  const convert = (schema: unknown): unknown => toJsonSchema(schema, dialect, direction, lookup);
  const converted = Object.fromEntries(Object.entries(components).map(([k, v]) => [k, convert(v)]));
  const options = { strict: false, allErrors: true, logger: false } as const;
  const ajv = dialect === 'oas31' ? new Ajv2020(options) : new Ajv(options);
  addFormats(ajv as Ajv);
  // Refs inside the converted document are '#/components/schemas/…', relative to the document id.
  const id = 'https://example.test/doc.json';
  ajv.addSchema({ $id: id, components: { schemas: converted } });
  let counter = 0;
  return (target) => {
    const validate: ValidateFunction = ajv.compile({ $id: `https://example.test/target-${counter++}.json`, ...toRooted(convert(target), id) });
    return (value) => {
      const valid = validate(value) as boolean;
      return { valid, errors: validate.errors ?? [] };
    };
  };
}

// A target's own '#/components/…' refs must point into the document, not at the target.
function toRooted(schema: unknown, id: string): Json {
  const text = JSON.stringify(schema).replace(/"\$ref":"#\//g, `"$ref":"${id}#/`);
  return JSON.parse(text) as Json;
}
