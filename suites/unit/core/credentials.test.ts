import { describe, expect, it } from 'vitest';
import { bearerToken, secretsEqual } from '../../../src/core/index.js';

describe('secretsEqual', () => {
  it('compares contents, including different lengths, without throwing', () => {
    expect(secretsEqual('abc', 'abc')).toBe(true);
    expect(secretsEqual('abc', 'abd')).toBe(false);
    expect(secretsEqual('abc', 'abcd')).toBe(false);
    expect(secretsEqual('', 'x')).toBe(false);
    expect(secretsEqual('é', 'é')).toBe(true);
  });
});

describe('bearerToken', () => {
  it('reads the credentials of a Bearer header, whatever the case of the scheme', () => {
    expect(bearerToken('Bearer abc')).toBe('abc');
    expect(bearerToken('  bearer   a b  ')).toBe('a b');
    expect(bearerToken('Basic abc')).toBeUndefined();
    expect(bearerToken('Bearer ')).toBeUndefined();
    expect(bearerToken(undefined)).toBeUndefined();
  });
});
