import { UsageError } from '../../core/index.js';
import type { JournalEntry } from './journal-entry.js';

/** Which journal entries to list, count or verify; every member given must hold. */
export interface RequestFilter {
  /** `GET`, `post` …: compared without regard to case. */
  method?: string;
  /** The exact request path (`/v1/apps`), without the query. */
  path?: string;
  /** A path prefix (`/v1/apps/`). */
  pathPrefix?: string;
  /** A status (`201`) or a class (`'4xx'`). */
  status?: number | string;
  /** The operationId the request was routed to. */
  operation?: string;
  /** Entries after this id, or at and after this instant (an RFC 3339 string or a Date). */
  since?: number | string | Date;
}

/** The query parameters of `GET /__mock/requests`: the filter's members, and `limit` (the newest N). */
export const FILTER_PARAMETERS = ['method', 'path', 'pathPrefix', 'status', 'operation', 'since', 'limit'] as const;

/** A matcher for `filter`; a member that cannot match anything (`status: 'teapot'`) is a UsageError. */
export function compileFilter(filter: RequestFilter): (entry: JournalEntry) => boolean {
  const method = filter.method?.toUpperCase();
  const status = filter.status === undefined ? undefined : statusTest(filter.status);
  const since = filter.since === undefined ? undefined : sinceTest(filter.since);
  return (entry) =>
    (method === undefined || entry.method === method) &&
    (filter.path === undefined || entry.path === filter.path) &&
    (filter.pathPrefix === undefined || entry.path.startsWith(filter.pathPrefix)) &&
    (status === undefined || status(entry.status)) &&
    (filter.operation === undefined || entry.operation === filter.operation) &&
    (since === undefined || since(entry));
}

/** Reads a filter from query parameters; an unknown parameter or a bad value is a UsageError naming it. */
export function filterFromQuery(query: URLSearchParams, ignored: readonly string[] = []): { filter: RequestFilter; limit?: number } {
  const filter: RequestFilter = {};
  let limit: number | undefined;
  for (const [name, value] of query) {
    if (ignored.includes(name)) continue;
    switch (name) {
      case 'method':
      case 'path':
      case 'pathPrefix':
      case 'operation':
        filter[name] = value;
        break;
      case 'status':
        filter.status = /^\d+$/.test(value) ? Number(value) : value;
        break;
      case 'since':
        filter.since = /^\d+$/.test(value) ? Number(value) : value;
        break;
      case 'limit':
        if (!/^[1-9]\d*$/.test(value)) throw new UsageError(`limit must be a positive whole number, got '${value}'`);
        limit = Number(value);
        break;
      default:
        throw new UsageError(`unknown filter '${name}'; the filters are ${FILTER_PARAMETERS.join(', ')}`);
    }
  }
  compileFilter(filter);
  return limit === undefined ? { filter } : { filter, limit };
}

/** `status=201` or a class `2xx`…`5xx` (RFC 9110 §15: the first digit is the class). */
function statusTest(status: number | string): (value: number) => boolean {
  if (typeof status === 'number' && Number.isInteger(status)) return (value) => value === status;
  const text = String(status).toLowerCase();
  if (/^\d{3}$/.test(text)) return (value) => value === Number(text);
  if (/^[1-5]xx$/.test(text)) return (value) => Math.floor(value / 100) === Number(text[0]);
  throw new UsageError(`status must be a status code (201) or a class (2xx), got '${status}'`);
}

function sinceTest(since: number | string | Date): (entry: JournalEntry) => boolean {
  if (typeof since === 'number') {
    if (!Number.isInteger(since) || since < 0)
      throw new UsageError(`since must be an entry id (a whole number) or an instant, got ${since}`);
    return (entry) => entry.id > since;
  }
  const at = since instanceof Date ? since.getTime() : Date.parse(since);
  if (Number.isNaN(at)) throw new UsageError(`since must be an entry id or an RFC 3339 instant, got '${String(since)}'`);
  return (entry) => Date.parse(entry.at) >= at;
}
