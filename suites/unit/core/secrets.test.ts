import { describe, expect, it } from 'vitest';
import { isSecretName } from '../../../src/core/secrets.js';

describe('isSecretName', () => {
  it('knows credentials by their usual names, in headers, fields and parameters', () => {
    const secret = ['Authorization', 'proxy-authorization', 'Cookie', 'set-cookie', 'x-api-key', 'apiKey', 'api_key', 'token', 'access_token', 'x-auth-token', 'client_secret', 'signing_secret', 'bot_token', 'PASSWORD', 'passwd', 'credentials', 'private_key', 'x-hub-signature'];
    for (const name of secret) expect(isSecretName(name), name).toBe(true);
  });

  it('leaves ordinary names alone', () => {
    for (const name of ['name', 'message', 'session_id', 'accept', 'content-type', 'x-request-id', 'www-authenticate']) expect(isSecretName(name), name).toBe(false);
  });
});
