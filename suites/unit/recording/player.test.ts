import { describe, expect, it } from 'vitest';
import type { RequestFacts, ResponseFacts } from '../../../src/core/index.js';
import { PlaybackMiss } from '../../../src/core/index.js';
import { createPlayer, createRedactor, toHarEntry } from '../../../src/recording/index.js';
import type { Har, HarEntry } from '../../../src/recording/index.js';

const get = (path: string, query = ''): RequestFacts => ({ method: 'GET', path, query, headers: {} });
const post = (path: string, value: unknown, headers: Record<string, string> = {}): RequestFacts => ({
  method: 'POST',
  path,
  query: '',
  headers: { 'content-type': 'application/json', ...headers },
  body: Buffer.from(JSON.stringify(value)),
});
const text = (status: number, body: string): ResponseFacts => ({ status, headers: { 'content-type': 'text/plain' }, body: Buffer.from(body) });
const record = (request: RequestFacts, response: ResponseFacts, maxBodyBytes?: number): HarEntry => {
  const redacted = createRedactor().exchange(request, response);
  return toHarEntry({ ...redacted, baseUrl: 'http://127.0.0.1:9' }, maxBodyBytes ? { maxBodyBytes } : {});
};
const har = (entries: HarEntry[]): Har => ({ log: { version: '1.2', creator: { name: 't', version: '1' }, entries } });
const bodyText = (response: ResponseFacts | undefined) => response?.body.toString();

describe('createPlayer', () => {
  it('answers identical requests with the recorded sequence, the last one repeating, until reset', () => {
    const player = createPlayer([record(get('/runs'), text(200, 'first')), record(get('/runs'), text(200, 'second')), record(get('/other'), text(404, 'x'))]);
    expect([1, 2, 3, 4].map(() => bodyText(player.match(get('/runs'))))).toEqual(['first', 'second', 'second', 'second']);
    player.reset();
    expect(bodyText(player.match(get('/runs')))).toBe('first');
    expect(player.size).toBe(2);
  });

  it('matches JSON bodies structurally and query strings in any order', () => {
    const player = createPlayer([record(post('/v1/apps', { name: 'a', harness_id: 'h' }), text(201, 'made')), record(get('/v1/apps', 'search=x&include_archived=true'), text(200, 'list'))]);
    expect(bodyText(player.match(post('/v1/apps', { harness_id: 'h', name: 'a' })))).toBe('made');
    expect(player.match(post('/v1/apps', { harness_id: 'h', name: 'b' }))).toBeUndefined();
    expect(bodyText(player.match(get('/v1/apps', 'include_archived=true&search=x')))).toBe('list');
  });

  it('matches a request whose secrets differ from the recording', () => {
    const player = createPlayer([record(post('/hook', { token: 'recorded-secret', message: 'hi' }, { authorization: 'Bearer recorded-key' }), text(202, 'ok'))]);
    expect(bodyText(player.match(post('/hook', { token: 'another-secret', message: 'hi' }, { authorization: 'Bearer new-key-123' })))).toBe('ok');
    expect(player.match(post('/hook', { token: 'another-secret', message: 'bye' }))).toBeUndefined();
  });

  it('matches a request whose recorded body was truncated, by the stored digest', () => {
    const big = { data: 'y'.repeat(500) };
    const player = createPlayer([record(post('/upload', big), text(200, 'stored'), 100)]);
    expect(bodyText(player.match(post('/upload', big)))).toBe('stored');
    expect(player.match(post('/upload', { data: 'z'.repeat(500) }))).toBeUndefined();
  });

  it('layers several HAR documents, later ones replacing the same request', () => {
    const base = har([record(get('/a'), text(200, 'old a')), record(get('/b'), text(200, 'old b'))]);
    const override = har([record(get('/a'), text(200, 'new a'))]);
    const player = createPlayer([base, override]);
    expect(bodyText(player.match(get('/a')))).toBe('new a');
    expect(bodyText(player.match(get('/b')))).toBe('old b');
  });

  it('suggests the closest recordings and names them in a PlaybackMiss', () => {
    const player = createPlayer([
      record(get('/v1/apps/app_0001/runs', 'window=24h'), text(200, '')),
      record(get('/v1/apps'), text(200, '')),
      record(post('/v1/apps', {}), text(201, '')),
      record(get('/health'), text(200, '')),
    ]);
    const wanted = get('/v1/apps/app_0002/runs', 'window=1h');
    const closest = player.closest(wanted);
    expect(closest).toHaveLength(3);
    expect(closest[0]).toMatchObject({ method: 'GET', url: '/v1/apps/app_0001/runs?window=24h' });
    expect(closest[0]!.score).toBeGreaterThan(closest[1]!.score);
    expect(player.closest(wanted, 1)).toHaveLength(1);
    expect(() => player.matchOrThrow(wanted)).toThrow(PlaybackMiss);
    expect(() => player.matchOrThrow(wanted)).toThrow(/no recording matches GET \/v1\/apps\/app_0002\/runs\?window=1h; closest: GET \/v1\/apps\/app_0001\/runs\?window=24h/);
  });

  it('never puts a secret in a miss message', () => {
    const player = createPlayer([]);
    expect(() => player.matchOrThrow(get('/x', 'api_key=leaky-value'))).toThrow(/api_key=%5BREDACTED%5D; the recordings are empty/);
  });
});
