import { describe, expect, it } from 'vitest';
import { compareRuns } from '../../../../../../src/conformance/apps/sequences/compare/runs.js';

const run = (channel: string, at: string) => ({ id: 'run_x', app_id: 'app_a', channel_id: channel, channel_type: 'webhook', status: 'running', created_at: at });
const expected = { data: [run('c1', '2025-01-01T10:30:00Z'), run('c1', '2025-01-01T09:10:00Z')] };

describe('compareRuns', () => {
  it('accepts one run per accepted webhook, newest first, with buckets that add up', () => {
    const received = {
      data: [{ ...run('c1', '2025-01-01T10:31:00Z'), status: 'ok' }, run('c1', '2025-01-01T09:11:00Z')],
      buckets: [
        { hour: '2025-01-01T09:00:00Z', ok: 0, err: 0, running: 1 },
        { hour: '2025-01-01T10:00:00Z', ok: 1, err: 0, running: 0 },
      ],
    };
    expect(compareRuns(expected, received, 'list_app_runs', 'hour')).toEqual([]);
  });

  it('reports a missing run, a wrong order, unasked and wrong buckets', () => {
    const check = (received: unknown, groupBy?: string) => compareRuns(expected, received, 'list_app_runs', groupBy).map((m) => `${m.check}:${m.key}`);
    expect(check({ data: [run('c1', '2025-01-01T10:31:00Z')] })).toEqual(['runs_recorded:count']);
    expect(check({ data: [run('c1', '2025-01-01T09:11:00Z'), run('c1', '2025-01-01T10:31:00Z')] })).toEqual(['runs_recorded:order']);
    expect(check({ data: [run('c2', '2025-01-01T10:31:00Z'), run('c1', '2025-01-01T09:11:00Z')] })).toEqual(['runs_recorded:run:channel_id']);
    const data = [run('c1', '2025-01-01T10:31:00Z'), run('c1', '2025-01-01T09:11:00Z')];
    expect(check({ data, buckets: [] })).toEqual(['runs_recorded:buckets:unasked']);
    expect(check({ data, buckets: [{ hour: '2025-01-01T10:00:00Z', ok: 2, err: 0, running: 0 }] }, 'hour')).toEqual(['runs_recorded:buckets:sum']);
    expect(check({ data }, 'hour')).toEqual(['runs_recorded:buckets:missing']);
  });
});
