import { describe, expect, it } from 'vitest';
import { RunSecrets } from '../../../../src/conformance/run/run-secrets.js';

describe('RunSecrets', () => {
  it('holds the credentials (a bearer value also bare) and every secret the run adds', () => {
    const secrets = new RunSecrets({ authorization: 'Bearer key-123456', 'x-tenant': 'acme-secret' });
    secrets.add('token-abcdef');
    expect(secrets.all()).toEqual(['Bearer key-123456', 'key-123456', 'acme-secret', 'acme-secret', 'token-abcdef']);
  });

  it('finds the token of the first resource it holds one for', () => {
    const secrets = new RunSecrets({});
    secrets.setToken('chan-2', 'tok-2');
    expect(secrets.tokenFor(['chan-1', 'chan-2'])).toBe('tok-2');
    expect(secrets.tokenFor(['chan-1'])).toBeUndefined();
    expect([...secrets.tokenHolders()]).toEqual(['chan-2']);
  });
});
