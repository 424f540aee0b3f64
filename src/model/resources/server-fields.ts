import { fillPath } from './path-segments.js';
import { placeSelfLinks } from './self-links.js';
import type { ResourceCollection, TimestampField } from './types.js';

/** The instants of an item's life, as the record keeps them. */
export interface ItemTimes {
  created_at: string;
  updated_at: string;
}

/**
 * The members only the server makes, nested as the item holds them: the id field (a number for
 * integer ids), string members named like a scope parameter (a message's `session_id`), the
 * timestamps in the item's encoding, and the self links.
 */
export function serverFields(
  collection: ResourceCollection,
  id: string,
  parents: Readonly<Record<string, string>>,
  times: ItemTimes,
  origin: string | undefined,
): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  const { field, fieldType } = collection.id;
  if (field !== undefined) {
    if (fieldType === 'string') fields[field] = id;
    else if (/^-?\d+$/.test(id)) fields[field] = Number(id);
  }
  for (const name of collection.scope) {
    if (name !== field && collection.item.stringFields.includes(name)) fields[name] = parents[name];
  }
  const { created, updated } = collection.item;
  if (created) fields[created.name] = encode(created, times.created_at);
  if (updated) fields[updated.name] = encode(updated, times.updated_at);
  placeSelfLinks(fields, collection.item.selfLinks, itemUrl(collection, id, parents, undefined), origin);
  return fields;
}

/** Points the self links of a representation at the item on `origin` (a copy; the stored one stays). */
export function withSelfLinks(
  collection: ResourceCollection,
  representation: Record<string, unknown>,
  id: string,
  parents: Readonly<Record<string, string>>,
  origin: string,
): void {
  placeSelfLinks(representation, collection.item.selfLinks, itemUrl(collection, id, parents, undefined), origin);
}

/** The item's own URL: absolute on `origin`, or the path alone for URI references or without an origin. */
export function itemUrl(collection: ResourceCollection, id: string, parents: Readonly<Record<string, string>>, origin: string | undefined): string {
  const path = fillPath(collection.itemPath, { ...parents, [collection.id.parameter]: id });
  return origin === undefined ? path : origin + path;
}

function encode(field: TimestampField, iso: string): string | number {
  return field.encoding === 'unix' ? Math.floor(Date.parse(iso) / 1000) : iso;
}
