import type { ResourceQuery, ResourceRecord } from './model-types.js';
import { queryInteger, queryValues } from './query.js';
import type { ListMetaRole, Pagination } from './types.js';

/** One page of a list, what its envelope may report, and the query changes that reach its neighbours. */
export interface Page {
  items: ResourceRecord[];
  values: Partial<Record<ListMetaRole, unknown>>;
  next: Record<string, string> | undefined;
  prev: Record<string, string> | undefined;
}

/**
 * Cuts a page from the matching records (oldest first). Sizes default to the parameter's declared
 * default and are capped by its maximum; without a default a page holds everything. A cursor is the
 * `seq` of the last item returned, so deleting items never shifts a later page; a cursor the model
 * did not make yields an empty page rather than a page that could repeat items forever.
 */
export function paginate(records: readonly ResourceRecord[], pagination: Pagination, query: ResourceQuery): Page {
  const total = records.length;
  switch (pagination.kind) {
    case 'none':
      return { items: [...records], values: { total, count: total, has_more: false }, next: undefined, prev: undefined };
    case 'limit': {
      const limit = size(queryInteger(query, pagination.limit), pagination.defaultLimit, pagination.maxLimit, total);
      const items = records.slice(0, limit);
      return { items, values: { total, count: items.length, limit, has_more: items.length < total }, next: undefined, prev: undefined };
    }
    case 'offset': {
      const offset = Math.max(0, queryInteger(query, pagination.offset) ?? 0);
      const limit = size(queryInteger(query, pagination.limit), pagination.defaultLimit, pagination.maxLimit, total);
      const items = records.slice(offset, offset + limit);
      const more = offset + items.length < total;
      return {
        items,
        values: { total, count: items.length, offset, limit, has_more: more },
        next: more ? { [pagination.offset]: String(offset + limit), [pagination.limit]: String(limit) } : undefined,
        prev: offset > 0 ? { [pagination.offset]: String(Math.max(0, offset - limit)), [pagination.limit]: String(limit) } : undefined,
      };
    }
    case 'page': {
      const page = Math.max(pagination.firstPage, queryInteger(query, pagination.page) ?? pagination.firstPage);
      const perPage = size(queryInteger(query, pagination.perPage), pagination.defaultPerPage, pagination.maxPerPage, total);
      const start = (page - pagination.firstPage) * perPage;
      const items = perPage === 0 ? [] : records.slice(start, start + perPage);
      const more = start + items.length < total && perPage > 0;
      const link = (to: number) => ({ [pagination.page]: String(to), [pagination.perPage]: String(perPage) });
      return {
        items,
        values: { total, count: items.length, page, per_page: perPage, has_more: more },
        next: more ? link(page + 1) : undefined,
        prev: page > pagination.firstPage ? link(page - 1) : undefined,
      };
    }
    case 'cursor': {
      const [cursor] = queryValues(query, pagination.cursor);
      const after = cursor === undefined || cursor === '' ? 0 : /^\d{1,15}$/.test(cursor) ? Number(cursor) : Number.POSITIVE_INFINITY;
      const rest = records.filter((record) => record.seq > after);
      const limit = size(queryInteger(query, pagination.limit), pagination.defaultLimit, pagination.maxLimit, total);
      const items = rest.slice(0, limit);
      const more = items.length < rest.length;
      const nextCursor = more ? String(items[items.length - 1]?.seq ?? after) : undefined;
      return {
        items,
        values: { total, count: items.length, limit, has_more: more, next_cursor: nextCursor },
        next: nextCursor === undefined ? undefined : { [pagination.cursor]: nextCursor },
        prev: undefined,
      };
    }
  }
}

function size(requested: number | undefined, fallback: number | undefined, max: number | undefined, total: number): number {
  const chosen = requested ?? fallback ?? total;
  return Math.max(0, max === undefined ? chosen : Math.min(chosen, max));
}
