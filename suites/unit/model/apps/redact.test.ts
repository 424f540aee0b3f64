import { describe, expect, it } from 'vitest';
import { redactConfig } from '../../../../src/model/apps/redact.js';
import { redactHeaders } from '../../../../src/model/apps/webhook-context.js';

describe('redactConfig', () => {
  it('replaces the webhook token with token_configured', () => {
    expect(redactConfig('webhook', { token: 't', message: 'm', session_mode: 'shared_session' })).toEqual({
      token_configured: true,
      message: 'm',
      session_mode: 'shared_session',
    });
  });

  it("replaces slack's signing_secret and bot_token whatever their type", () => {
    expect(redactConfig('slack', { signing_secret: 's', bot_token: 7, team: 'T1' })).toEqual({
      signing_secret_configured: true,
      bot_token_configured: true,
      team: 'T1',
    });
  });

  it('treats credential-looking string keys of any type as secrets, nested ones too', () => {
    expect(
      redactConfig('a2a', { client_secret: 'x', auth: { api_key: 'y', password: 'z', max_tokens: 100 }, list: [{ access_token: 'w' }] }),
    ).toEqual({
      client_secret_configured: true,
      auth: { api_key_configured: true, password_configured: true, max_tokens: 100 },
      list: [{ access_token_configured: true }],
    });
  });

  it('does not let a client-sent *_configured flag contradict the computed one', () => {
    expect(redactConfig('webhook', { token_configured: false, token: 't', message: 'm' })).toEqual({
      token_configured: true,
      message: 'm',
    });
  });

  it('keeps a "__proto__" key as plain data', () => {
    const config = JSON.parse('{"__proto__": {"polluted": true}, "a": 1}') as Record<string, unknown>;
    const redacted = redactConfig('fcp', config);
    expect(Object.getPrototypeOf(redacted)).toBe(Object.prototype);
    expect(Object.keys(redacted)).toEqual(['__proto__', 'a']);
  });
});

describe('redactHeaders', () => {
  it('hides authorization, cookies and token-like headers, lower-casing names', () => {
    expect(
      redactHeaders({ Authorization: 'Bearer x', cookie: 'c', 'x-everruns-webhook-token': 't', 'x-api-key': 'k', 'X-Trace': '1' }),
    ).toEqual({
      authorization: '[REDACTED]',
      cookie: '[REDACTED]',
      'x-everruns-webhook-token': '[REDACTED]',
      'x-api-key': '[REDACTED]',
      'x-trace': '1',
    });
  });

  it('keeps a header named __proto__ as a plain member, never as the prototype', () => {
    const headers = JSON.parse('{"__proto__": "p", "x-trace": "1"}') as Record<string, string>;
    const redacted = redactHeaders(headers);
    expect(Object.keys(redacted)).toEqual(['__proto__', 'x-trace']);
    expect(redacted['__proto__']).toBe('p');
    expect(JSON.stringify(redacted)).toBe('{"__proto__":"p","x-trace":"1"}');
  });
});
