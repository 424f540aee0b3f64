import { isJsonObject } from '../../core/index.js';
import type { ListSpec, Pagination, ResourceCollection } from '../../model/resources/index.js';

/** What one page of a list says: the ids of its items, whether it is the first, and the query of the next page. */
export interface ListPage {
  /** Undefined when the answer holds no list of items with ids (nothing to hold it to). */
  ids: string[] | undefined;
  first: boolean;
  /** Undefined on the last page: the walk then saw the whole list. */
  next: URLSearchParams | undefined;
}

/** The query of a list's first page: as large a page as the document allows, so that few pages hold it all. */
export function firstPageQuery(list: ListSpec | undefined): URLSearchParams {
  const query = new URLSearchParams();
  const pagination = list?.pagination;
  if (!pagination) return query;
  if (pagination.kind === 'page') {
    const size = pagination.maxPerPage ?? pagination.defaultPerPage;
    if (size !== undefined) query.set(pagination.perPage, String(size));
  } else if (pagination.kind !== 'none' && pagination.limit !== undefined) {
    const size = pagination.maxLimit ?? pagination.defaultLimit;
    if (size !== undefined) query.set(pagination.limit, String(size));
  }
  return query;
}

/** Reads a list answer by the list's declared shape and pagination (what the resource model inferred). */
export function readListPage(collection: ResourceCollection, query: URLSearchParams, json: unknown): ListPage {
  const list = collection.list;
  const pagination: Pagination = list?.pagination ?? { kind: 'none' };
  const items = list?.shape === 'object' && isJsonObject(json) ? json[list.property!] : json;
  const field = collection.id.field;
  const ids =
    Array.isArray(items) && field !== undefined
      ? items.flatMap((item) => {
          const id = isJsonObject(item) ? item[field] : undefined;
          return typeof id === 'string' || typeof id === 'number' ? [String(id)] : [];
        })
      : undefined;
  const count = Array.isArray(items) ? items.length : 0;
  return { ids, first: isFirst(pagination, query), next: count === 0 ? undefined : nextQuery(list!, pagination, query, json, count) };
}

function isFirst(pagination: Pagination, query: URLSearchParams): boolean {
  switch (pagination.kind) {
    case 'offset':
      return Number(query.get(pagination.offset) ?? 0) === 0;
    case 'page':
      return Number(query.get(pagination.page) ?? pagination.firstPage) === pagination.firstPage;
    case 'cursor':
      return (query.get(pagination.cursor) ?? '') === '';
    default:
      return true;
  }
}

// A page shorter than its size is the last; without a size the answer holds the whole list.
function nextQuery(
  list: ListSpec,
  pagination: Pagination,
  query: URLSearchParams,
  json: unknown,
  count: number,
): URLSearchParams | undefined {
  const next = new URLSearchParams(query);
  switch (pagination.kind) {
    case 'offset': {
      const size = Number(query.get(pagination.limit) ?? pagination.defaultLimit ?? Number.NaN);
      if (!(count >= size)) return undefined;
      next.set(pagination.offset, String(Number(query.get(pagination.offset) ?? 0) + count));
      return next;
    }
    case 'page': {
      const size = Number(query.get(pagination.perPage) ?? pagination.defaultPerPage ?? Number.NaN);
      if (!(count >= size)) return undefined;
      next.set(pagination.page, String(Number(query.get(pagination.page) ?? pagination.firstPage) + 1));
      return next;
    }
    case 'cursor': {
      const cursor = metaValue(list, json, 'next_cursor') ?? cursorOfLink(metaValue(list, json, 'next_link'), pagination.cursor);
      if (typeof cursor !== 'string' || cursor === '' || metaValue(list, json, 'has_more') === false) return undefined;
      next.set(pagination.cursor, cursor);
      return next;
    }
    default:
      return undefined;
  }
}

function metaValue(list: ListSpec, json: unknown, role: string): unknown {
  if (!isJsonObject(json)) return undefined;
  const name = Object.entries(list.meta).find(([, value]) => value === role)?.[0];
  return name === undefined ? undefined : json[name];
}

function cursorOfLink(link: unknown, parameter: string): string | undefined {
  if (typeof link !== 'string') return undefined;
  try {
    return new URL(link, 'http://link.invalid').searchParams.get(parameter) ?? undefined;
  } catch {
    return undefined;
  }
}
