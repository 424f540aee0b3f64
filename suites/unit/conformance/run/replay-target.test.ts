import { describe, expect, it } from 'vitest';
import { formatReplay, parseReplay } from '../../../../src/conformance/run/replay-target.js';

describe('replay targets', () => {
  it('round-trip, and other text is not one', () => {
    const target = { operation: 'create_app', mode: 'negative' as const, round: 1, path: '12:0:3' };
    expect(parseReplay(formatReplay(target))).toEqual(target);
    expect(parseReplay('create_app:sideways:0:1')).toBeUndefined();
    expect(parseReplay('stateful@0@-@1:2@')).toBeUndefined();
  });

  it('name the API-key probes of one operation and the set-up of a plug-in', () => {
    expect(formatReplay({ operation: 'get_app', mode: 'auth' })).toBe('get_app:auth:0:0');
    expect(parseReplay('get_app:auth:0:0')).toEqual({ operation: 'get_app', mode: 'auth' });
    expect(formatReplay({ setUp: 'apps' })).toBe('setup:apps');
    expect(parseReplay('setup:apps')).toEqual({ setUp: 'apps' });
    expect(parseReplay('setup:')).toBeUndefined();
  });
});
