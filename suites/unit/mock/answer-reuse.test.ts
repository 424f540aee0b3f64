import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { AnswerReuse, traceHeadersOf, type KeptAnswer, type ReuseKey } from '../../../src/mock/answer-reuse.js';
import type { Operation } from '../../../src/openapi/index.js';

const operation = { id: 'get_app', method: 'GET', path: '/v1/apps/{app_id}' } as Operation;
const request = (headers: string[]) => ({ rawHeaders: headers }) as unknown as IncomingMessage;

function answer(key: ReuseKey, version: number, body = 'x'): KeptAnswer {
  return { status: 200, headers: {}, body: Buffer.from(body), operation, violations: [], version, requestHeaders: key.headers };
}

describe('AnswerReuse', () => {
  const reuse = () => new AnswerReuse();

  it('keys GETs only, by target and every header', () => {
    const store = reuse();
    expect(store.keyOf(request(['host', 'a']), 'POST', '/x')).toBeUndefined();
    const one = store.keyOf(request(['host', 'a']), 'GET', '/x')!;
    const other = store.keyOf(request(['host', 'b']), 'GET', '/x')!;
    store.wanted(one);
    store.keep(one, answer(one, 1, 'one'));
    expect(store.find(one, 1)?.body?.toString()).toBe('one');
    // Another request with the same headers (a new list of them) is the same request.
    expect(store.find(store.keyOf(request(['host', 'a']), 'GET', '/x')!, 1)?.body?.toString()).toBe('one');
    expect(store.find(store.keyOf(request(['host', 'a', 'accept', '*/*']), 'GET', '/x')!, 1)).toBeUndefined();
    expect(store.find(other, 1)).toBeUndefined();
    expect(store.find(one, 2)).toBeUndefined();
  });

  it('leaves trace ids out of the key, in any case of their names, and nothing else', () => {
    const store = new AnswerReuse(new Set(['traceparent', 'x-request-id']));
    const keyWith = (headers: string[]) => store.keyOf(request(['host', 'a', ...headers]), 'GET', '/x')!.headers;
    expect(keyWith(['traceparent', 't1', 'X-Request-Id', 'r1'])).toEqual(keyWith(['traceparent', 't2', 'X-Request-Id', 'r2']));
    expect(keyWith(['Traceparent', 't1'])).toEqual(keyWith([]));
    expect(keyWith(['x-nonce', '1', 'traceparent', 't1', 'accept', '*/*'])).toEqual(['host', 'a', 'x-nonce', '1', 'accept', '*/*']);
    expect(keyWith(['x-nonce', '1'])).not.toEqual(keyWith(['x-nonce', '2']));
    // Name and value stay apart: a header named like another's value is not the same request.
    expect(keyWith(['a', 'b'])).not.toEqual(keyWith(['ab', '']));
  });

  it('keeps a trace header in the key when the document declares it, as a parameter or an API key', () => {
    const document = {
      openapi: '3.1.0',
      info: { title: 't', version: '1' },
      paths: {},
      components: { securitySchemes: { key: { type: 'apiKey', in: 'header', name: 'Request-Id' }, alias: { $ref: '#/components/securitySchemes/key' } } },
    };
    const withParameter = { ...operation, parameters: [{ name: 'X-Request-Id', in: 'header' }] } as unknown as Operation;
    const ignored = traceHeadersOf(document as never, [withParameter]);
    expect(ignored.has('x-request-id')).toBe(false);
    expect(ignored.has('request-id')).toBe(false);
    expect(ignored.has('traceparent')).toBe(true);
  });

  it('wants an answer once its request repeats, among the last few requests to the target', () => {
    const store = reuse();
    const keys = Array.from({ length: 6 }, (_, i) => store.keyOf(request(['x-request-id', String(i)]), 'GET', '/x')!);
    expect(keys.map((key) => store.wanted(key))).toEqual([false, false, false, false, false, false]);
    expect(keys.map((key) => store.wanted(key))).toEqual([false, false, false, false, false, false]);
    expect(store.wanted(keys[5]!)).toBe(true);
  });

  it('keeps a few variants of one target, the oldest replaced first', () => {
    const store = reuse();
    const keys = Array.from({ length: 6 }, (_, i) => store.keyOf(request(['authorization', String(i)]), 'GET', '/x')!);
    for (const key of keys) {
      store.wanted(key);
      store.keep(key, answer(key, 1));
    }
    expect(keys.map((key) => store.find(key, 1) !== undefined)).toEqual([false, false, true, true, true, true]);
  });

  it('replaces the answer of the same request rather than keeping two', () => {
    const store = reuse();
    const key = store.keyOf(request(['host', 'a']), 'GET', '/x')!;
    store.wanted(key);
    store.keep(key, answer(key, 1, 'old'));
    store.keep(key, answer(key, 2, 'new'));
    expect(store.find(key, 2)?.body?.toString()).toBe('new');
    const others = Array.from({ length: 3 }, (_, i) => store.keyOf(request(['host', `o${i}`]), 'GET', '/x')!);
    for (const other of others) {
      store.wanted(other);
      store.keep(other, answer(other, 2));
    }
    expect(store.find(key, 2)).toBeDefined();
  });

  it('does not keep a body too big to be worth holding', () => {
    const store = reuse();
    const key = store.keyOf(request([]), 'GET', '/big')!;
    store.wanted(key);
    store.keep(key, answer(key, 1, 'x'.repeat(65 * 1024)));
    expect(store.find(key, 1)).toBeUndefined();
  });
});
