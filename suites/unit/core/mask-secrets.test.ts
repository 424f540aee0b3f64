import { describe, expect, it } from 'vitest';
import { maskSecrets } from '../../../src/core/mask-secrets.js';

describe('maskSecrets', () => {
  it('masks every form of a secret: as is, JSON-escaped and percent-encoded, the longest first', () => {
    expect(maskSecrets(`a s3cr3t-"x" b ${encodeURIComponent('x y/z')} c ${JSON.stringify('s3cr3t-"x"')}`, ['s3cr3t-"x"', 'x y/z'])).toBe('a *** b *** c "***"');
    expect(maskSecrets('key-abc-long and key-abc', ['key-abc', 'key-abc-long'])).toBe('*** and ***');
  });

  it('leaves values too short to be credentials alone', () => {
    expect(maskSecrets('ab', ['a'])).toBe('ab');
  });
});
