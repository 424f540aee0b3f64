import { describe, expect, it } from 'vitest';
import { resolveRelativeTimes } from '../../../../src/mock/apps/relative-times.js';

const NOW = Date.parse('2030-01-10T12:00:00.000Z');

describe('resolveRelativeTimes', () => {
  it('moves every record time by now − relative_to and drops the member', () => {
    const snapshot = {
      relative_to: '2030-01-01T12:00:00.000Z',
      version: 1,
      apps: [
        {
          created_at: '2030-01-01T11:00:00.000Z',
          published_at: null,
          channels: [{ updated_at: '2030-01-01T11:30:00.000Z', channel_config: { expires_at: '2030-02-01T00:00:00.000Z' } }],
        },
      ],
      runs: [{ created_at: '2030-01-01T11:59:00.000Z', message: 'not_a_time_at' }],
    };
    expect(resolveRelativeTimes(snapshot, 'the snapshot', NOW)).toEqual({
      version: 1,
      apps: [
        {
          created_at: '2030-01-10T11:00:00.000Z',
          published_at: null,
          channels: [{ updated_at: '2030-01-10T11:30:00.000Z', channel_config: { expires_at: '2030-02-01T00:00:00.000Z' } }],
        },
      ],
      runs: [{ created_at: '2030-01-10T11:59:00.000Z', message: 'not_a_time_at' }],
    });
  });

  it('leaves a snapshot without relative_to as it is, and refuses one that is not an instant', () => {
    const snapshot = { version: 1, apps: [{ created_at: '2030-01-01T11:00:00.000Z' }] };
    expect(resolveRelativeTimes(snapshot, 'the snapshot', NOW)).toBe(snapshot);
    expect(() => resolveRelativeTimes({ ...snapshot, relative_to: 'last week' }, 'the snapshot', NOW)).toThrow(
      'the snapshot: relative_to must be an RFC 3339 instant, got "last week"',
    );
  });
});
