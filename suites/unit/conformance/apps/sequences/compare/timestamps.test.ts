import { describe, expect, it } from 'vitest';
import { observeAppTimes } from '../../../../../../src/conformance/apps/sequences/compare/timestamps.js';
import { JudgeState } from '../../../../../../src/conformance/apps/sequences/judge-state.js';

const app = (created: string, updated: string) => ({ id: 'app_a', created_at: created, updated_at: updated, channels: [] });

describe('observeAppTimes', () => {
  it('accepts equal and later updated_at with a fixed created_at', () => {
    const state = new JudgeState();
    expect(observeAppTimes(state, app('2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z'), 'create_app')).toEqual([]);
    expect(observeAppTimes(state, app('2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z'), 'get_app')).toEqual([]);
    expect(observeAppTimes(state, app('2025-01-01T00:00:00.000Z', '2025-01-01T00:00:05Z'), 'update_app')).toEqual([]);
  });

  it('reports a moved created_at, a backwards updated_at and an update before creation', () => {
    const state = new JudgeState();
    observeAppTimes(state, app('2025-01-01T00:00:00Z', '2025-01-01T00:00:05Z'), 'create_app');
    const keys = (body: object) => observeAppTimes(state, body as never, 'get_app').map((m) => `${m.check}:${m.key}`);
    expect(keys(app('2025-01-01T00:00:01Z', '2025-01-01T00:00:06Z'))).toEqual(['timestamps_monotonic:app:created-at-changed']);
    expect(keys(app('2025-01-01T00:00:00Z', '2025-01-01T00:00:04Z'))).toEqual(['timestamps_monotonic:app:updated-at-backwards']);
    expect(keys({ ...app('2025-01-02T00:00:00Z', '2025-01-01T00:00:00Z'), id: 'app_b' })).toEqual(['timestamps_monotonic:app:updated-before-created']);
  });
});
