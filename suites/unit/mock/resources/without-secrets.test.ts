import { describe, expect, it } from 'vitest';
import { withoutSecrets } from '../../../../src/mock/resources/without-secrets.js';

describe('withoutSecrets', () => {
  it('drops strings written under secret names at any depth, the sample standing in where it has one', () => {
    const written = {
      name: 'hook',
      secret: 'whsec_1',
      max_tokens: 300,
      config: { api_key: 'sk-1', headers: { Authorization: 'Bearer t', Accept: 'json' } },
      servers: [{ password: 'p', host: 'h' }],
    };
    const sample = { secret: null, config: { api_key: 'sample-key' } };
    expect(withoutSecrets(written, sample)).toEqual({
      name: 'hook',
      secret: null,
      max_tokens: 300,
      config: { api_key: 'sample-key', headers: { Accept: 'json' } },
      servers: [{ host: 'h' }],
    });
    expect(written.secret).toBe('whsec_1');
  });

  it('leaves values that are no object alone', () => {
    expect(withoutSecrets('text', {})).toBe('text');
    expect(withoutSecrets(null, undefined)).toBeNull();
  });
});
