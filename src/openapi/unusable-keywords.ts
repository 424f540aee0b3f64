import { escapeToken } from '../core/index.js';
import type { LoadWarning } from './load-warning.js';
import { walkObjects } from './walk.js';

const JSON_TYPES = new Set(['null', 'boolean', 'object', 'array', 'number', 'string', 'integer']);
const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);
const isSchema = (value: unknown) => isObject(value) || typeof value === 'boolean';

const NUMBERS = ['minimum', 'maximum', 'multipleOf', 'minLength', 'maxLength', 'minItems', 'maxItems', 'minProperties', 'maxProperties'];
const ONE_SCHEMA = [
  'additionalProperties',
  'additionalItems',
  'items',
  'not',
  'if',
  'then',
  'else',
  'contains',
  'propertyNames',
  'unevaluatedProperties',
  'unevaluatedItems',
];
const SCHEMA_LISTS = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];
const SCHEMA_MAPS = ['properties', 'patternProperties', 'dependentSchemas', '$defs', 'definitions'];

// Keyword values that no validator can compile, each with what it should have been.
const RULES: Array<[string[], (value: unknown) => boolean, string]> = [
  [
    ['type'],
    (value) => (Array.isArray(value) ? value.every((entry) => JSON_TYPES.has(entry as string)) : JSON_TYPES.has(value as string)),
    'a JSON Schema type',
  ],
  [['required'], (value) => Array.isArray(value) && value.every((entry) => typeof entry === 'string'), 'a list of property names'],
  [NUMBERS, (value) => typeof value === 'number', 'a number'],
  // OAS 3.0 writes them as booleans beside minimum/maximum; the 3.0 conversion reads those.
  [['exclusiveMinimum', 'exclusiveMaximum'], (value) => typeof value === 'number' || typeof value === 'boolean', 'a number'],
  [['pattern', 'format'], (value) => typeof value === 'string', 'a string'],
  [['enum'], (value) => Array.isArray(value) && value.length > 0, 'a list of at least one value'],
  [SCHEMA_LISTS, (value) => Array.isArray(value), 'a list'],
  [SCHEMA_MAPS, isObject, 'an object'],
  [ONE_SCHEMA, (value) => isSchema(value) || Array.isArray(value), 'a schema'],
  [['uniqueItems'], (value) => typeof value === 'boolean', 'true or false'],
];
const RULE = new Map(RULES.flatMap(([keys, valid, expected]) => keys.map((key) => [key, { valid, expected }] as const)));

/**
 * Removes from every Schema Object the keyword values no validator or generator can use
 * (`type: int`, `required: true` on a property as Swagger 1 wrote it, a string `maxLength`), so
 * the rest of each schema still works, and reads `type: file` (Swagger 2.0) as a binary string.
 * In a 3.1 document, draft-4 habits the 2020-12 dialect has other words for are translated.
 * Returns one warning per change.
 */
export function dropUnusableKeywords(document: object, dialect: '3.0' | '3.1'): LoadWarning[] {
  const warnings: LoadWarning[] = [];
  const seen = new Set<object>();
  const repair = (schema: unknown, pointer: string): void => {
    if (!isObject(schema) || seen.has(schema)) return;
    seen.add(schema);
    if (dialect === '3.1') warnings.push(...fromDraft4(schema, pointer));
    if (schema.type === 'file') {
      schema.type = 'string';
      schema.format = 'binary';
      warnings.push({ pointer: `${pointer}/type`, message: 'type "file" (Swagger 2.0) read as a string with format binary' });
    }
    for (const [key, value] of Object.entries(schema)) {
      const rule = RULE.get(key);
      if (rule && !rule.valid(value)) {
        delete schema[key];
        warnings.push({
          pointer: `${pointer}/${escapeToken(key)}`,
          message: `${key} must be ${rule.expected}, not ${JSON.stringify(value)}; ignored`,
        });
        continue;
      }
      if (ONE_SCHEMA.includes(key)) {
        if (Array.isArray(value)) value.forEach((item, index) => repair(item, `${pointer}/${key}/${index}`));
        else repair(value, `${pointer}/${key}`);
      } else if (SCHEMA_LISTS.includes(key)) (value as unknown[]).forEach((item, index) => repair(item, `${pointer}/${key}/${index}`));
      else if (SCHEMA_MAPS.includes(key))
        for (const [name, item] of Object.entries(value as object)) repair(item, `${pointer}/${key}/${escapeToken(name)}`);
    }
  };
  walkObjects(document, (node, pointer) => {
    if ('schema' in node) repair(node.schema, `${pointer}/schema`);
  });
  const components = (document as { components?: { schemas?: unknown } }).components;
  if (isObject(components?.schemas))
    for (const [name, schema] of Object.entries(components.schemas)) repair(schema, `/components/schemas/${escapeToken(name)}`);
  return warnings;
}

/**
 * 3.0 habits in a 3.1 (JSON Schema 2020-12) schema: boolean `exclusiveMinimum` beside `minimum`
 * (OAS 3.0 §4.7.24.1) and an `items` list (a tuple, 2020-12 `prefixItems`).
 */
function fromDraft4(schema: Record<string, unknown>, pointer: string): LoadWarning[] {
  const warnings: LoadWarning[] = [];
  for (const [exclusive, bound] of [
    ['exclusiveMinimum', 'minimum'],
    ['exclusiveMaximum', 'maximum'],
  ] as const) {
    if (typeof schema[exclusive] !== 'boolean') continue;
    if (schema[exclusive] === true && typeof schema[bound] === 'number') {
      schema[exclusive] = schema[bound];
      delete schema[bound];
    } else delete schema[exclusive];
    warnings.push({
      pointer: `${pointer}/${exclusive}`,
      message: `${exclusive} is a number in OpenAPI 3.1; the 3.0 boolean is read as 3.0 meant it`,
    });
  }
  if (Array.isArray(schema.items) && schema.prefixItems === undefined) {
    schema.prefixItems = schema.items;
    delete schema.items;
    warnings.push({ pointer: `${pointer}/items`, message: 'items as a list is prefixItems in OpenAPI 3.1; read as prefixItems' });
  }
  return warnings;
}
