import { describe, expect, it } from 'vitest';
import { compileFilter, filterFromQuery } from '../../../../src/mock/journal/journal-filter.js';
import type { JournalEntry } from '../../../../src/mock/journal/journal-entry.js';

const entry = (changes: Partial<JournalEntry>): JournalEntry => ({
  id: 1,
  at: '2030-01-01T00:00:00.000Z',
  method: 'GET',
  path: '/v1/apps',
  query: '',
  headers: {},
  status: 200,
  operation: 'list_apps',
  durationMs: 1,
  ...changes,
});

describe('request filters', () => {
  it.each([
    [{ method: 'get' }, entry({}), true],
    [{ method: 'POST' }, entry({}), false],
    [{ path: '/v1/apps' }, entry({ path: '/v1/apps/x' }), false],
    [{ pathPrefix: '/v1/apps/' }, entry({ path: '/v1/apps/x' }), true],
    [{ status: 200 }, entry({}), true],
    [{ status: '2XX' }, entry({ status: 204 }), true],
    [{ status: '5xx' }, entry({ status: 0 }), false],
    [{ operation: 'get_app' }, entry({}), false],
    [{ since: 0 }, entry({}), true],
    [{ since: 1 }, entry({}), false],
    [{ since: new Date('2030-01-01T00:00:00.000Z') }, entry({}), true],
    [{ since: '2030-01-01T00:00:00.001Z' }, entry({}), false],
  ])('%j on %j: %s', (filter, value, matches) => {
    expect(compileFilter(filter)(value)).toBe(matches);
  });

  it('reads filters and limit from a query, ignoring the names it is told to', () => {
    expect(filterFromQuery(new URLSearchParams('method=GET&status=404&since=3&limit=2&key=k'), ['key'])).toEqual({
      filter: { method: 'GET', status: 404, since: 3 },
      limit: 2,
    });
    expect(() => filterFromQuery(new URLSearchParams('key=k'))).toThrow("unknown filter 'key'");
    expect(() => compileFilter({ since: -1 })).toThrow('since must be an entry id');
  });
});
