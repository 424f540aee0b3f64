import { overrideError, type OverrideOrigin } from './overrides.js';
import type { ObjectShape, SchemaReader } from './schema-reader.js';
import { overlap } from './item-spec.js';
import type { ListMetaRole } from './types.js';

/** Where a list answer keeps its items. */
export interface ListShape {
  shape: 'array' | 'object';
  property: string | undefined;
  meta: Record<string, ListMetaRole>;
  nullableMeta: string[];
  unfilled: string[];
}

const ARRAY_NAMES = ['data', 'items', 'results', 'entries', 'records', 'values', 'list', 'elements'];

// Envelope members by role; a role's type decides whether a member of that name qualifies.
const META: ReadonlyArray<readonly [ListMetaRole, 'integer' | 'string' | 'boolean', readonly string[]]> = [
  ['total', 'integer', ['total', 'total_count', 'totalCount', 'total_items', 'totalItems', 'total_results', 'totalResults']],
  ['offset', 'integer', ['offset', 'skip']],
  ['limit', 'integer', ['limit', 'page_size', 'pageSize']],
  ['page', 'integer', ['page', 'page_number', 'pageNumber', 'current_page', 'currentPage']],
  ['per_page', 'integer', ['per_page', 'perPage']],
  ['next_cursor', 'string', ['next_cursor', 'nextCursor', 'next_page_token', 'nextPageToken', 'cursor']],
  ['has_more', 'boolean', ['has_more', 'hasMore', 'has_next', 'hasNext', 'has_next_page', 'hasNextPage']],
  ['next_link', 'string', ['next_url', 'nextUrl', 'next_page_url', 'next', 'next_link']],
  ['prev_link', 'string', ['prev_url', 'prevUrl', 'previous_url', 'prev_page_url', 'previous', 'prev', 'prev_link']],
];

/**
 * Reads a list answer's shape: a bare array of items, or an object wrapping one. The wrapped array is
 * the one whose items hold the id field and resemble the item most, preferring conventional names
 * (`data`, `items`, `results`); undefined when the answer is not a list of items at all.
 */
export function listShapeOf(
  reader: SchemaReader,
  schema: unknown,
  item: { fields: readonly string[]; idField: string | undefined },
  override: { listProperty?: string; origin: OverrideOrigin } | undefined,
): ListShape | undefined {
  if (schema === undefined) return undefined;
  const bare = reader.arrayItems(schema);
  if (bare !== undefined) return isItemArray(reader, bare, item) ? { shape: 'array', property: undefined, meta: {}, nullableMeta: [], unfilled: [] } : undefined;
  const envelope = reader.object(schema);
  if (!envelope) return undefined;
  const property = override?.listProperty ?? chooseArray(reader, envelope, item);
  if (property === undefined) return undefined;
  if (override?.listProperty !== undefined && reader.arrayItems(envelope.properties.get(property)) === undefined) {
    throw overrideError(override.origin, `listProperty ${JSON.stringify(property)} is not an array member of the list answer (members: ${[...envelope.properties.keys()].join(', ')})`);
  }
  const meta = metaOf(reader, envelope, property);
  const unfilled = [...envelope.required].filter((name) => name !== property && !(name in meta));
  const nullableMeta = Object.keys(meta).filter((name) => reader.facet(envelope.properties.get(name)).nullable);
  return { shape: 'object', property, meta, nullableMeta, unfilled };
}

function isItemArray(reader: SchemaReader, items: unknown, item: { fields: readonly string[]; idField: string | undefined }): boolean {
  const shape = reader.object(items);
  if (!shape) return false;
  if (item.idField !== undefined) return shape.properties.has(item.idField);
  return item.fields.length === 0 || overlap(shape, item.fields) > 0;
}

function chooseArray(reader: SchemaReader, envelope: ObjectShape, item: { fields: readonly string[]; idField: string | undefined }): string | undefined {
  let best: { name: string; score: number } | undefined;
  for (const [name, schema] of envelope.properties) {
    const items = reader.arrayItems(schema);
    if (items === undefined || !isItemArray(reader, items, item)) continue;
    const shape = reader.object(items)!;
    const rank = ARRAY_NAMES.indexOf(name);
    // Resemblance decides; a conventional name breaks ties.
    const score = overlap(shape, item.fields) * 10 + (rank === -1 ? 0 : (ARRAY_NAMES.length - rank) / ARRAY_NAMES.length);
    if (!best || score > best.score) best = { name, score };
  }
  return best?.name;
}

function metaOf(reader: SchemaReader, envelope: ObjectShape, property: string): Record<string, ListMetaRole> {
  const meta: Record<string, ListMetaRole> = {};
  const taken = new Set<ListMetaRole>();
  for (const [role, type, names] of META) {
    const name = names.find((candidate) => candidate !== property && envelope.properties.has(candidate) && hasType(reader, envelope.properties.get(candidate), type));
    if (name === undefined) continue;
    meta[name] = role;
    taken.add(role);
  }
  // `count` is the total in most APIs (Django REST framework); beside a total it counts the page.
  if (envelope.properties.has('count') && hasType(reader, envelope.properties.get('count'), 'integer')) {
    meta.count = taken.has('total') ? 'count' : 'total';
  }
  return meta;
}

function hasType(reader: SchemaReader, schema: unknown, type: 'integer' | 'string' | 'boolean'): boolean {
  const types = reader.facet(schema).types;
  if (types.size === 0) return true;
  return types.has(type) || (type === 'integer' && types.has('number'));
}
