import type { ResourceQuery, ResourceRecord, ResourceRequest } from './model-types.js';
import { paginate } from './list-page.js';
import { isObject } from './merge-patch.js';
import { present } from './present.js';
import { queryValues, withParameters } from './query.js';
import type { ListFilter, ListSpec, ResourceCollection } from './types.js';

/**
 * The body of a list: the scoped records (oldest first) that pass every filter, one page of them,
 * in the declared shape; envelope members the model knows (total, offset, cursors, links) are filled,
 * `null` where nullable and there is nothing to say.
 */
export function listBody(collection: ResourceCollection, list: ListSpec, records: readonly ResourceRecord[], request: ResourceRequest): unknown {
  const matching = records.filter((record) => list.filters.every((filter) => passes(filter, record.representation, request.query)));
  const page = paginate(matching, list.pagination, request.query);
  const items = page.items.map((record) => present(collection, record, undefined, request.origin));
  if (list.shape === 'array') return items;
  const envelope: Record<string, unknown> = {};
  const nullable = new Set(list.nullableMeta);
  for (const [name, role] of Object.entries(list.meta)) {
    const value =
      role === 'next_link' ? linkTo(request, page.next) : role === 'prev_link' ? linkTo(request, page.prev) : page.values[role];
    if (value !== undefined) envelope[name] = value;
    else if (nullable.has(name)) envelope[name] = null;
  }
  envelope[list.property!] = items;
  return envelope;
}

function linkTo(request: ResourceRequest, change: Record<string, string> | undefined): string | undefined {
  if (!change) return undefined;
  return `${request.origin ?? ''}${request.path}?${withParameters(request.query, change).toString()}`;
}

/**
 * An equality filter passes when the member equals any given value; a value outside the member's
 * enum (`state=all`) is no filter at all. A search passes when any string member contains the text,
 * case-insensitively.
 */
function passes(filter: ListFilter, representation: unknown, query: ResourceQuery): boolean {
  const wanted = queryValues(query, filter.parameter).filter((value) => value !== '');
  if (wanted.length === 0 || !isObject(representation)) return true;
  if (filter.kind === 'search') {
    const needle = wanted[0]!.toLowerCase();
    return filter.fields.some((field) => typeof representation[field] === 'string' && (representation[field] as string).toLowerCase().includes(needle));
  }
  const meaningful = filter.values ? wanted.filter((value) => filter.values!.includes(value)) : wanted;
  if (meaningful.length === 0) return true;
  const actual = representation[filter.field];
  return actual !== undefined && actual !== null && meaningful.includes(String(actual));
}
