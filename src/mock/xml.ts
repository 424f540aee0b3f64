import { parseMediaType, unescapeToken } from '../core/index.js';

type Schema = Record<string, unknown>;

/** Follows a `$ref` (already resolved by the caller's document). */
export type ResolveRef = (ref: string) => unknown;

/** The OAS XML Object (OAS 3.x §4.8.26). */
interface XmlObject {
  name?: string;
  namespace?: string;
  prefix?: string;
  attribute?: boolean;
  wrapped?: boolean;
}

const MAX_HOPS = 32;

/** True for `application/xml`, `text/xml` and any `+xml` structured syntax. */
export function isXmlMediaType(mediaType: string | undefined): boolean {
  const parsed = parseMediaType(mediaType);
  if (!parsed) return false;
  return parsed.subtype === 'xml' || parsed.suffix === 'xml';
}

/**
 * Serialises a JSON value as an XML document, following the schema's `xml` objects: `name` renames
 * an element or attribute, `attribute` makes a scalar property an attribute, `wrapped` puts an
 * array's items inside an element of the array's name, `namespace`/`prefix` qualify a name. The
 * root element is named by the root schema's `xml.name`, else by `rootName` (its component name).
 */
export function toXml(value: unknown, schema: unknown, resolveRef: ResolveRef, rootName = 'root'): string {
  const root = resolve(schema, resolveRef);
  const info = xmlOf(root);
  const prolog = '<?xml version="1.0" encoding="UTF-8"?>\n';
  if (!Array.isArray(value)) return prolog + element(info.name ?? rootName, value, root, resolveRef);
  // A document has one root: an array at the top is always wrapped, its items named after their component.
  const items = isSchema(root['items']) ? root['items'] : {};
  const itemName = typeof items['$ref'] === 'string' ? unescapeToken(items['$ref'].split('/').pop()!) : 'item';
  return prolog + element(info.name ?? rootName, value, { ...root, xml: { ...info, wrapped: true } }, resolveRef, itemName);
}

function element(name: string, value: unknown, schema: Schema, resolveRef: ResolveRef, itemName = name): string {
  const info = xmlOf(schema);
  const tag = qualified(info.name ?? name, info);
  const namespaces = declaration(info);
  if (Array.isArray(value)) {
    const itemSchema = resolve(schema['items'], resolveRef);
    // Unwrapped items repeat the property's own name; `xml.name` of the array names only a wrapper.
    const items = value.map((item) => element(itemName, item, itemSchema, resolveRef)).join('');
    return info.wrapped ? `<${tag}${namespaces}>${items}</${tag}>` : items;
  }
  if (value === null || value === undefined) return `<${tag}${namespaces}/>`;
  if (typeof value !== 'object') return `<${tag}${namespaces}>${escapeText(String(value))}</${tag}>`;
  let attributes = '';
  let children = '';
  for (const [key, item] of Object.entries(value)) {
    const propertySchema = resolve(propertyOf(schema, key, resolveRef, 0), resolveRef);
    const property = xmlOf(propertySchema);
    if (property.attribute === true && (item === null || typeof item !== 'object')) {
      attributes += `${declaration(property)} ${qualified(property.name ?? key, property)}="${escapeAttribute(String(item ?? ''))}"`;
    } else {
      children += element(key, item, propertySchema, resolveRef);
    }
  }
  return children === '' ? `<${tag}${namespaces}${attributes}/>` : `<${tag}${namespaces}${attributes}>${children}</${tag}>`;
}

function resolve(raw: unknown, resolveRef: ResolveRef): Schema {
  let current = raw;
  for (let hops = 0; hops < MAX_HOPS && isSchema(current) && typeof current['$ref'] === 'string'; hops++) {
    current = resolveRef(current['$ref']);
  }
  return isSchema(current) ? current : {};
}

/** The schema of one property, looked up through `allOf` parts and `oneOf`/`anyOf` branches. */
function propertyOf(schema: Schema, key: string, resolveRef: ResolveRef, depth: number): unknown {
  const properties = schema['properties'];
  if (isSchema(properties) && Object.hasOwn(properties, key)) return properties[key];
  if (depth > MAX_HOPS) return undefined;
  for (const keyword of ['allOf', 'oneOf', 'anyOf']) {
    const parts = schema[keyword];
    if (!Array.isArray(parts)) continue;
    for (const part of parts) {
      const found = propertyOf(resolve(part, resolveRef), key, resolveRef, depth + 1);
      if (found !== undefined) return found;
    }
  }
  const additional = schema['additionalProperties'];
  return isSchema(additional) ? additional : undefined;
}

function xmlOf(schema: Schema): XmlObject {
  const xml = schema['xml'];
  if (!isSchema(xml)) return {};
  const text = (key: string): string | undefined => (typeof xml[key] === 'string' && xml[key] !== '' ? (xml[key] as string) : undefined);
  const info: XmlObject = {};
  const name = text('name');
  const namespace = text('namespace');
  const prefix = text('prefix');
  if (name !== undefined) info.name = name;
  if (namespace !== undefined) info.namespace = namespace;
  if (prefix !== undefined) info.prefix = prefix;
  if (xml['attribute'] === true) info.attribute = true;
  if (xml['wrapped'] === true) info.wrapped = true;
  return info;
}

function qualified(name: string, info: XmlObject): string {
  const local = xmlName(name);
  return info.prefix ? `${xmlName(info.prefix)}:${local}` : local;
}

function declaration(info: XmlObject): string {
  if (info.namespace === undefined) return '';
  return ` xmlns${info.prefix ? `:${xmlName(info.prefix)}` : ''}="${escapeAttribute(info.namespace)}"`;
}

// JSON keys may hold anything; an XML name starts with a letter or `_` and holds no spaces or
// punctuation beyond `-` and `.` (XML 1.0 §2.3, colons kept for prefixes only).
function xmlName(name: string): string {
  const cleaned = name.replace(/[^\p{L}\p{N}_.-]/gu, '_');
  return /^[\p{L}_]/u.test(cleaned) ? cleaned : `_${cleaned}`;
}

// XML 1.0 §2.2: characters outside Char cannot appear even escaped.
const NOT_XML_CHAR = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

function escapeText(text: string): string {
  return text.replace(NOT_XML_CHAR, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttribute(text: string): string {
  return escapeText(text).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;').replace(/\r/g, '&#13;');
}

function isSchema(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
