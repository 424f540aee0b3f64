import { describe, expect, it } from 'vitest';
import { matchSubset } from './support/match-subset.js';
import { substitute } from './support/scenario-file.js';

describe('scenario matcher', () => {
  it('matches listed keys only, arrays by length and element', () => {
    expect(matchSubset({ a: 1, b: 2 }, { a: 1 })).toEqual([]);
    expect(matchSubset({ a: [1, 2] }, { a: [1] })).toEqual([{ pointer: '/a', message: 'expected 1 items, got 2' }]);
    expect(matchSubset({ a: 1 }, { a: 2 })).toHaveLength(1);
  });

  it('applies markers', () => {
    const app = { id: `app_${'a'.repeat(32)}`, at: '2025-01-15T10:00:00Z', note: null };
    expect(matchSubset(app, { id: '~id:app', at: '~hour', note: '~nullish', gone: '~absent' })).toEqual([]);
    expect(matchSubset(app, { id: '~id:appchan' })).toHaveLength(1);
    expect(matchSubset(app, { note: '~absent' })).toHaveLength(1);
    expect(matchSubset(app, { missing: '~any' })).toHaveLength(1);
    expect(matchSubset({ at: '2025-01-15T10:30:00Z' }, { at: '~hour' })).toHaveLength(1);
    expect(matchSubset({ at: '2025-01-15T10:30:00Z' }, { at: '~after:2025-01-15T10:30:00Z' })).toHaveLength(1);
    expect(matchSubset({ d: 'got 31 hex digits' }, { d: '~match:\\b31\\b' })).toEqual([]);
    expect(matchSubset({ s: '~x' }, { s: '~~x' })).toEqual([]);
  });

  it('substitutes whole-value and embedded variables but leaves message templates alone', () => {
    const vars = new Map<string, unknown>([['app', 'app_1'], ['n', 3]]);
    expect(substitute({ p: '/v1/apps/{{app}}', n: '{{n}}', t: '{{ payload.x }}' }, vars)).toEqual({ p: '/v1/apps/app_1', n: 3, t: '{{ payload.x }}' });
    expect(() => substitute('{{nope}}', vars)).toThrow(/before it is captured/);
  });
});
