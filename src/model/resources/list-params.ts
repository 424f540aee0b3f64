import type { Operation, Parameter } from '../../openapi/index.js';
import type { SchemaReader } from './schema-reader.js';
import type { ListFilter, Pagination } from './types.js';

const CURSOR = ['cursor', 'page_token', 'pageToken', 'starting_after', 'next_token', 'continuation_token', 'after'];
const PAGE = ['page', 'page_number', 'pageNumber'];
const OFFSET = ['offset', 'skip'];
const SIZE = ['limit', 'per_page', 'perPage', 'page_size', 'pageSize'];
const SEARCH = ['search', 'q', 'query'];
const SCALARS = ['string', 'integer', 'number', 'boolean'];

/** The item's top-level members a filter may compare against. */
export interface FilterableItem {
  properties: ReadonlyMap<string, unknown>;
  stringFields: readonly string[];
}

/**
 * Pagination from the list's query parameters, where it is simple: `page` + `per_page`, `offset` +
 * `limit`, a `cursor` (with an optional size), or a size alone. Defaults and maxima come from the
 * parameters' schemas.
 */
export function paginationOf(reader: SchemaReader, operation: Operation): Pagination {
  const query = queryParameters(operation);
  const find = (names: readonly string[]) => names.map((name) => query.get(name)).find((parameter) => parameter !== undefined);
  const size = find(SIZE);
  const sizeLimits = size ? limitsOf(reader, size) : { defaultLimit: undefined, maxLimit: undefined };
  const page = find(PAGE);
  if (page && size) {
    const facet = reader.facet(page.schema);
    const firstPage = facet.minimum === 0 ? 0 : 1;
    return { kind: 'page', page: page.name, perPage: size.name, firstPage, defaultPerPage: sizeLimits.defaultLimit, maxPerPage: sizeLimits.maxLimit };
  }
  const offset = find(OFFSET);
  if (offset && size) return { kind: 'offset', offset: offset.name, limit: size.name, ...sizeLimits };
  const cursor = find(CURSOR);
  if (cursor) return { kind: 'cursor', cursor: cursor.name, limit: size?.name, ...sizeLimits };
  if (size) return { kind: 'limit', limit: size.name, ...sizeLimits };
  return { kind: 'none' };
}

/**
 * Filters from query parameters named like a top-level scalar member of the item (`status`,
 * `kind`), with the member's enum when it has one; `search`/`q` searches the string members.
 * Parameters used for pagination are not filters.
 */
export function filtersOf(reader: SchemaReader, operation: Operation, pagination: Pagination, item: FilterableItem): ListFilter[] {
  const { kind: _kind, ...names } = pagination;
  const used = new Set(Object.values(names).filter((value): value is string => typeof value === 'string'));
  const filters: ListFilter[] = [];
  for (const parameter of queryParameters(operation).values()) {
    if (used.has(parameter.name)) continue;
    if (SEARCH.includes(parameter.name) && !item.properties.has(parameter.name)) {
      if (item.stringFields.length > 0) filters.push({ kind: 'search', parameter: parameter.name, fields: [...item.stringFields] });
      continue;
    }
    const field = item.properties.get(parameter.name);
    if (field === undefined) continue;
    const facet = reader.facet(field);
    if (facet.types.size === 0 || ![...facet.types].every((type) => SCALARS.includes(type))) continue;
    const values = facet.enum?.filter((value) => value !== null).map(String);
    filters.push({ kind: 'equals', parameter: parameter.name, field: parameter.name, values });
  }
  return filters;
}

function queryParameters(operation: Operation): Map<string, Parameter> {
  return new Map(operation.parameters.filter((parameter) => parameter.in === 'query').map((parameter) => [parameter.name, parameter]));
}

function limitsOf(reader: SchemaReader, parameter: Parameter): { defaultLimit: number | undefined; maxLimit: number | undefined } {
  const facet = reader.facet(parameter.schema);
  const fallback = parameter.schema?.default;
  return {
    defaultLimit: typeof fallback === 'number' && fallback > 0 ? fallback : undefined,
    maxLimit: facet.maximum,
  };
}
