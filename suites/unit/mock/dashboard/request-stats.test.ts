import { describe, expect, it } from 'vitest';
import { RequestStats } from '../../../../src/mock/dashboard/request-stats.js';
import type { Operation } from '../../../../src/openapi/index.js';

const operation = (id: string, keys: string[]): Operation =>
  ({ id, method: 'GET', path: `/${id}`, pointer: `#/paths/~1${id}/get`, responses: keys.map((key) => ({ key })) }) as unknown as Operation;

describe('RequestStats', () => {
  it('counts answers per operation and status, and the rest as unrouted', () => {
    const list = operation('list', ['200']);
    const read = operation('read', ['200', '404']);
    const stats = new RequestStats([list, read]);
    for (const [op, status] of [
      [list, 200],
      [list, 200],
      [read, 404],
    ] as const) {
      stats.countOperation(op, status);
      stats.countRequest(status);
    }
    stats.countRequest(404);
    stats.countRequest(405);
    expect(stats.report()).toEqual({
      total: 5,
      operations: [
        { id: 'list', method: 'GET', path: '/list', calls: 2, statuses: { 200: 2 }, declared: ['200'] },
        { id: 'read', method: 'GET', path: '/read', calls: 1, statuses: { 404: 1 }, declared: ['200', '404'] },
      ],
      unrouted: { calls: 2, statuses: { 404: 1, 405: 1 } },
    });
  });

  it('ignores an operation of another document and zeroes on clear', () => {
    const stats = new RequestStats([operation('a', [])]);
    stats.countOperation(operation('elsewhere', []), 200);
    stats.countRequest(200);
    expect(stats.report().operations[0]!.calls).toBe(0);
    stats.clear();
    expect(stats.report()).toMatchObject({ total: 0, unrouted: { calls: 0, statuses: {} } });
  });
});
