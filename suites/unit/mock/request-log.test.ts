import { describe, expect, it } from 'vitest';
import { loggedTarget, loggedTime } from '../../../src/mock/request-log.js';

describe('loggedTime', () => {
  it('formats the millisecond a request arrived in, as Date does, however often it is asked', () => {
    const start = Date.UTC(2026, 11, 1, 23, 59, 59, 998);
    for (const ms of [start, start + 0.4, start + 0.9, start + 1, start + 2.5, start + 2, start - 1000]) {
      expect(loggedTime(ms)).toBe(new Date(Math.floor(ms)).toISOString());
    }
    expect(loggedTime(start + 2)).toBe('2026-12-02T00:00:00.000Z');
  });
});

describe('loggedTarget', () => {
  it('masks the values of secret-looking query parameters and keeps the rest as sent', () => {
    expect(loggedTarget('/v1/apps?limit=5&api_key=abc&q=x')).toBe('/v1/apps?limit=5&api_key=[REDACTED]&q=x');
    expect(loggedTarget('/v1/apps')).toBe('/v1/apps');
  });
});
