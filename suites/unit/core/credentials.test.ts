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

  it('still tells secrets apart once more expected secrets were compared than it keeps digests of', () => {
    for (let i = 0; i < 1500; i++) {
      expect(secretsEqual(`token-${i}`, `token-${i}`)).toBe(true);
      expect(secretsEqual(`token-${i}`, `token-${i + 1}`)).toBe(false);
    }
    expect(secretsEqual('token-7', 'token-7')).toBe(true);
    expect(secretsEqual('token-8', 'token-7')).toBe(false);
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
