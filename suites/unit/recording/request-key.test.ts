import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RequestFacts } from '../../../src/core/index.js';
import { normalisePath, requestKey } from '../../../src/recording/request-key.js';

const numRuns = Number(process.env.FC_NUM_RUNS ?? 100);
const facts = (over: Partial<RequestFacts> = {}): RequestFacts => ({ method: 'POST', path: '/v1/apps', query: '', headers: {}, ...over });
const json = (text: string) => ({ headers: { 'content-type': 'application/json' }, body: Buffer.from(text) });

describe('requestKey', () => {
  it('is a sha256 hex digest', () => {
    expect(requestKey(facts())).toMatch(/^[0-9a-f]{64}$/);
  });

  it('compares JSON bodies structurally: key order and whitespace do not matter, values do', () => {
    const a = requestKey(facts(json('{"name":"a","nested":{"x":1,"y":[1,2]}}')));
    expect(requestKey(facts(json('{ "nested": {"y":[1,2], "x":1}, "name":"a" }')))).toBe(a);
    expect(requestKey(facts(json('{"name":"b","nested":{"x":1,"y":[1,2]}}')))).not.toBe(a);
    expect(requestKey(facts(json('{"name":"a","nested":{"x":1,"y":[2,1]}}')))).not.toBe(a);
  });

  it('compares other bodies by their bytes', () => {
    const body = (text: string) => ({ headers: { 'content-type': 'text/plain' }, body: Buffer.from(text) });
    expect(requestKey(facts(body('{"a":1,"b":2}')))).not.toBe(requestKey(facts(body('{"b":2,"a":1}'))));
    expect(requestKey(facts(body('abc')))).toBe(requestKey(facts(body('abc'))));
  });

  it('ignores query order and method case, and all headers by default', () => {
    const base = requestKey(facts({ method: 'get', query: 'a=1&b=2&b=3' }));
    expect(requestKey(facts({ method: 'GET', query: 'b=2&a=1&b=3', headers: { 'x-request-id': 'r1', accept: '*/*' } }))).toBe(base);
    expect(requestKey(facts({ method: 'GET', query: 'a=1&b=3&b=4' }))).not.toBe(base);
  });

  it('takes part of a header only when asked to', () => {
    const v1 = facts({ headers: { accept: 'application/json' } });
    const v2 = facts({ headers: { accept: 'text/html' } });
    expect(requestKey(v1)).toBe(requestKey(v2));
    expect(requestKey(v1, { matchHeaders: ['Accept'] })).not.toBe(requestKey(v2, { matchHeaders: ['accept'] }));
  });

  it('normalises percent-encoding and dot segments in the path', () => {
    expect(normalisePath('/v1/%61pps/a%2fb')).toBe('/v1/apps/a%2Fb');
    expect(normalisePath('/v1/x/../apps')).toBe('/v1/apps');
    expect(normalisePath('//double')).toBe('//double');
    expect(requestKey(facts({ path: '/v1/%7Eapps' }))).toBe(requestKey(facts({ path: '/v1/~apps' })));
  });

  it('is the same for any permutation of query parameters', () => {
    const pair = fc.tuple(fc.stringMatching(/^[a-z]{1,3}$/), fc.stringMatching(/^[a-z0-9]{0,3}$/));
    fc.assert(
      fc.property(fc.array(pair, { maxLength: 6 }).chain((pairs) => fc.tuple(fc.constant(pairs), fc.shuffledSubarray(pairs, { minLength: pairs.length, maxLength: pairs.length }))), ([pairs, shuffled]) => {
        const q = (list: Array<[string, string]>) => list.map(([k, v]) => `${k}=${v}`).join('&');
        expect(requestKey(facts({ query: q(shuffled) }))).toBe(requestKey(facts({ query: q(pairs) })));
      }),
      { numRuns },
    );
  });
});
