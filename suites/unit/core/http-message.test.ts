import { describe, expect, it } from 'vitest';
import { isSafeMethod, normaliseHeaders } from '../../../src/core/http-message.js';

describe('isSafeMethod', () => {
  it('is true for GET, HEAD and OPTIONS in any case, false for methods that change state', () => {
    expect(['GET', 'head', 'Options'].map(isSafeMethod)).toEqual([true, true, true]);
    expect(['POST', 'PUT', 'PATCH', 'DELETE'].map(isSafeMethod)).toEqual([false, false, false, false]);
  });
});

describe('normaliseHeaders', () => {
  it('lower-cases names and joins repeated values, from raw pairs or an object', () => {
    expect(normaliseHeaders(['Accept', 'a', 'ACCEPT', 'b', 'X-One', '1'])).toEqual({ accept: 'a, b', 'x-one': '1' });
    expect(normaliseHeaders({ 'Set-Cookie': ['a=1', 'b=2'], 'Content-Length': 3, Gone: undefined })).toEqual({ 'set-cookie': 'a=1, b=2', 'content-length': '3' });
  });
});
