import { escapeToken, essence, isJsonMediaType, mediaTypeMatches } from '../core/index.js';
import type { MediaTypeSpec } from '../openapi/index.js';
import { shapeOf, type Coerce } from './coerce.js';
import { appendValue, decodeQuery, type ParameterSource } from './parameter-source.js';
import { compileParameter, setOwn, StyleMismatch, type ParameterReader } from './params.js';
import type { SchemaLookup } from './coerce.js';
import type { Violation } from './violation.js';

/** One field of a form body: a urlencoded pair, or a multipart part with its own media type. */
export interface FormPart {
  name: string;
  /** A urlencoded value as sent (still percent-encoded, so delimiters are told from data); a multipart part's bytes. */
  value: string | Buffer;
  /** A multipart part's Content-Type as sent; absent means text/plain (RFC 7578 §4.4). */
  contentType?: string | undefined;
  filename?: string | undefined;
}

/** A decoded form body, before its fields are typed by the schema. */
export class FormFields {
  constructor(
    readonly parts: readonly FormPart[],
    readonly multipart: boolean,
  ) {}
}

/** Types a decoded form body by its schema and `encoding`: the object to validate, and the parts that break their encoding. */
export type FormReader = (fields: FormFields) => { value: Record<string, unknown>; violations: Violation[] };

interface Field {
  /** urlencoded: the property read like a query parameter of its style. */
  read: ParameterReader;
  array: boolean;
  /** multipart: the coercion of one part's text (the item's, for an array). */
  coerce: Coerce;
  json: boolean;
  binary: boolean;
  /** The media ranges `encoding.contentType` allows; empty allows any. */
  accepts: string[];
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Compiles the reader of one form media type, once. urlencoded fields follow the query rules with
 * the property's Encoding Object style (default form, exploded: OAS §4.8.15); multipart parts carry
 * their own media type, by default text/plain for primitives, application/json for objects and
 * application/octet-stream for binary strings (OAS §4.8.14); `encoding.contentType` lists the media
 * types a part may have.
 */
export function compileFormReader(media: MediaTypeSpec, lookup: SchemaLookup): FormReader {
  const shape = shapeOf(media.schema, lookup);
  const names = new Set(shape.propertySchemas.keys());
  const fields = new Map<string, Field>();
  for (const [name, schema] of shape.propertySchemas) {
    const declared = media.encoding?.[name];
    const property = shapeOf(schema, lookup);
    const item = property.kind === 'array' ? lookup(lookup(schema)?.items) : lookup(schema);
    const itemShape = property.kind === 'array' ? shapeOf(item, lookup) : property;
    const json = declared?.contentType ? isJsonMediaType(declared.contentType) : itemShape.kind === 'object' && !declared?.style;
    const style = declared?.style ?? 'form';
    const explode = declared?.explode ?? style === 'form';
    const parameter = { name, in: 'query' as const, required: false, style, explode, schema: lookup(schema), schemaPointer: undefined, json, allowReserved: true };
    fields.set(name, {
      read: compileParameter(parameter, lookup, names),
      array: property.kind === 'array',
      coerce: itemShape.coerce,
      json,
      binary: item !== undefined && (item.format === 'binary' || item.contentMediaType !== undefined || isUntyped(item)),
      accepts: (declared?.contentType ?? '').split(',').map((range) => range.trim()).filter(Boolean),
    });
  }
  return (form) => (form.multipart ? readMultipart(form, fields) : readUrlencoded(form, fields));
}

function readUrlencoded(form: FormFields, fields: ReadonlyMap<string, Field>) {
  const violations: Violation[] = [];
  const value: Record<string, unknown> = {};
  const query = new Map<string, string[]>();
  for (const part of form.parts) {
    appendValue(query, part.name, part.value as string);
  }
  const source: ParameterSource = { path: {}, query, headers: {}, cookies: NO_COOKIES, encoded: true };
  for (const [name, field] of fields) {
    const read = field.read(source);
    if (read instanceof StyleMismatch) violations.push(violation(name, 'style', read.message));
    else if (read !== undefined) setOwn(value, name, read);
  }
  // Undeclared fields stay text, for additionalProperties to judge.
  for (const [name, values] of query) if (!fields.has(name)) setOwn(value, name, decodeQuery(values[0]!));
  return { value, violations };
}

const NO_COOKIES: ReadonlyMap<string, readonly string[]> = new Map();

function readMultipart(form: FormFields, fields: ReadonlyMap<string, Field>) {
  const violations: Violation[] = [];
  const value: Record<string, unknown> = {};
  const byName = new Map<string, FormPart[]>();
  for (const part of form.parts) {
    appendValue(byName, part.name, part);
  }
  for (const [name, parts] of byName) {
    const field = fields.get(name);
    const read = (part: FormPart) => readPart(name, part, field, violations);
    setOwn(value, name, field?.array ? parts.map(read) : read(parts[0]!));
  }
  return { value, violations };
}

function readPart(name: string, part: FormPart, field: Field | undefined, violations: Violation[]): unknown {
  const bytes = typeof part.value === 'string' ? Buffer.from(part.value, 'utf8') : part.value;
  const type = part.contentType ?? 'text/plain';
  if (field && field.accepts.length > 0 && !field.accepts.some((range) => essence(range) === essence(type) || mediaTypeMatches(range, type))) {
    violations.push(violation(name, 'contentType', `has Content-Type ${type}, but the encoding allows ${field.accepts.join(', ')}`));
  }
  const textual = isJsonMediaType(type) || essence(type)?.startsWith('text/') === true;
  // A file's bytes, one char per byte, so that `maxLength` counts bytes.
  if (field?.binary || !textual) return bytes.toString('latin1');
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    violations.push(violation(name, 'encoding', 'is not valid UTF-8'));
    return bytes.toString('latin1');
  }
  if (field?.json || isJsonMediaType(type)) {
    try {
      return JSON.parse(text);
    } catch {
      violations.push(violation(name, 'contentMediaType', 'is not valid JSON'));
      return text;
    }
  }
  return field ? field.coerce(text) : text;
}

// A schema without type or structure (`{}`, or a description alone) takes any bytes, as a file does.
function isUntyped(schema: Record<string, unknown>): boolean {
  return !['type', 'properties', 'items', 'allOf', 'anyOf', 'oneOf', 'enum', 'const'].some((keyword) => keyword in schema);
}

function violation(name: string, keyword: string, message: string): Violation {
  return { in: 'body', pointer: `/${escapeToken(name)}`, keyword, message };
}

/** A form body read into its fields, or why it could not be. */
export type FormResult = { ok: true; fields: FormFields } | { ok: false; reason: string };
