import { describe, expect, it } from 'vitest';
import { createSecretRules, parseNameRule } from '../../../src/recording/secret-rules.js';

describe('createSecretRules', () => {
  it('treats token, secret and api key names as secret and leaves ordinary names alone', () => {
    const rules = createSecretRules();
    for (const name of ['Authorization', 'x-api-key', 'x-apikey', 'x-auth-token', 'x-client-secret']) expect(rules.isSecretHeader(name), name).toBe(true);
    for (const name of ['accept', 'content-type', 'x-request-id']) expect(rules.isSecretHeader(name), name).toBe(false);
    for (const name of ['token', 'bot_token', 'signing_secret', 'apiKey', 'api-key', 'PASSWORD', 'authorization']) expect(rules.isSecretField(name), name).toBe(true);
    for (const name of ['name', 'message', 'session_id']) expect(rules.isSecretField(name), name).toBe(false);
  });

  it('adds caller rules, and a global regex gives the same answer every time', () => {
    const rules = createSecretRules(['X-Tenant'], [/^pin$/g, '/^otp/i']);
    expect(rules.isSecretHeader('x-tenant')).toBe(true);
    expect([1, 2, 3].map(() => rules.isSecretField('pin'))).toEqual([true, true, true]);
    expect(rules.isSecretField('OTP_code')).toBe(true);
    expect(parseNameRule('/a+/i')).toEqual(/a+/i);
    expect(parseNameRule('Name')).toBe('name');
  });
});
