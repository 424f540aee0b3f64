import type { ObjectShape, SchemaReader } from './schema-reader.js';
import { findSelfLinks } from './self-links.js';
import type { ItemSpec, TimestampField } from './types.js';

const CREATED = ['created_at', 'createdAt', 'created', 'creation_time', 'date_created', 'inserted_at'];
const UPDATED = ['updated_at', 'updatedAt', 'updated', 'modified_at', 'modifiedAt', 'last_modified', 'lastModified'];

/**
 * What the item schema says about its members. writeOnly members also come from the create body's
 * schema: documents that split request and response schemas declare secrets only there.
 */
export function itemSpecOf(
  reader: SchemaReader,
  item: ObjectShape | undefined,
  schemaPointer: string | undefined,
  createBody: ObjectShape | undefined,
): ItemSpec {
  const properties = item?.properties ?? new Map<string, unknown>();
  const spec: ItemSpec = {
    schemaPointer,
    fields: [...properties.keys()],
    readOnly: [],
    writeOnly: [],
    nullable: [],
    stringFields: [],
    created: timestamp(reader, properties, CREATED),
    updated: timestamp(reader, properties, UPDATED),
    selfLinks: findSelfLinks(reader, properties),
  };
  for (const [name, schema] of properties) {
    const facet = reader.facet(schema);
    if (facet.readOnly) spec.readOnly.push(name);
    if (facet.writeOnly) spec.writeOnly.push(name);
    if (facet.nullable) spec.nullable.push(name);
    // A search must not reveal writeOnly members, which a client never sees.
    if (facet.types.size === 1 && facet.types.has('string') && !facet.writeOnly && facet.format !== 'binary' && facet.format !== 'byte') {
      spec.stringFields.push(name);
    }
  }
  for (const [name, schema] of createBody?.properties ?? []) {
    if (reader.facet(schema).writeOnly && !spec.writeOnly.includes(name)) spec.writeOnly.push(name);
  }
  return spec;
}

/** The share of members two object shapes have in common, over the larger one (1 for the same members). */
export function overlap(a: ObjectShape, fields: readonly string[]): number {
  const larger = Math.max(a.properties.size, fields.length);
  if (larger === 0) return 0;
  let shared = 0;
  for (const name of fields) if (a.properties.has(name)) shared++;
  return shared / larger;
}

/**
 * True when a response schema is the item's representation: it holds the id field (when there is
 * one) and at least half the members of the larger of the two. A create answering `WithUrls_Agent`
 * while the read answers the same plus counts is the item; an answer of `{id, status}` is not.
 */
export function resemblesItem(shape: ObjectShape | undefined, fields: readonly string[], idField: string | undefined): boolean {
  if (!shape) return false;
  if (idField !== undefined && !shape.properties.has(idField)) return false;
  return overlap(shape, fields) >= 0.5;
}

function timestamp(reader: SchemaReader, properties: ReadonlyMap<string, unknown>, names: readonly string[]): TimestampField | undefined {
  const name = names.find((candidate) => properties.has(candidate));
  if (name === undefined) return undefined;
  const facet = reader.facet(properties.get(name));
  const numeric = facet.types.has('integer') || facet.types.has('number');
  return { name, encoding: numeric && !facet.types.has('string') ? 'unix' : 'iso' };
}
