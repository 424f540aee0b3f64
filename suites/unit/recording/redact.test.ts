import { describe, expect, it } from 'vitest';
import type { RequestFacts, ResponseFacts } from '../../../src/core/index.js';
import { REDACTED } from '../../../src/core/index.js';
import { createRedactor, redactUserinfo } from '../../../src/recording/index.js';

const jsonRequest = (value: unknown, over: Partial<RequestFacts> = {}): RequestFacts => ({
  method: 'POST',
  path: '/v1/apps',
  query: '',
  headers: { 'content-type': 'application/json' },
  body: Buffer.from(JSON.stringify(value)),
  ...over,
});
const bodyOf = (facts: { body?: Buffer }) => JSON.parse(facts.body!.toString()) as unknown;

describe('createRedactor', () => {
  const redactor = createRedactor();

  it('replaces credential headers and any header named like a token, secret or api key', () => {
    const out = redactor.request({
      method: 'GET',
      path: '/',
      query: '',
      headers: {
        authorization: 'Bearer abcdef123456',
        'proxy-authorization': 'Basic eDp5',
        cookie: 'a=b',
        'x-everruns-webhook-token': 'tok-123456',
        'x-api-key': 'k',
        'x-custom-secret': 's',
        'x-my-token-id': 't',
        accept: 'application/json',
      },
    });
    expect(out.headers).toEqual({
      authorization: REDACTED,
      'proxy-authorization': REDACTED,
      cookie: REDACTED,
      'x-everruns-webhook-token': REDACTED,
      'x-api-key': REDACTED,
      'x-custom-secret': REDACTED,
      'x-my-token-id': REDACTED,
      accept: 'application/json',
    });
  });

  it('redacts string fields at any depth but keeps flags such as token_configured', () => {
    const out = redactor.request(
      jsonRequest({
        name: 'demo',
        channel_config: { token: 'abc', token_configured: true, message: 'hi' },
        list: [{ client_secret: 'x' }, { api_key: 'y', apiKey: 'z', password: 'p', tokens: ['t1', 't2'] }],
      }),
    );
    expect(bodyOf(out)).toEqual({
      name: 'demo',
      channel_config: { token: REDACTED, token_configured: true, message: 'hi' },
      list: [{ client_secret: REDACTED }, { api_key: REDACTED, apiKey: REDACTED, password: REDACTED, tokens: [REDACTED, REDACTED] }],
    });
  });

  it('redacts secret query and form parameters and leaves the rest byte for byte', () => {
    const out = redactor.request({
      method: 'POST',
      path: '/x',
      query: 'search=a%20b&api_key=k1&access_token=t1',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: Buffer.from('user=me&password=pw'),
    });
    expect(out.query).toBe('search=a%20b&api_key=%5BREDACTED%5D&access_token=%5BREDACTED%5D');
    expect(out.body!.toString()).toBe('user=me&password=%5BREDACTED%5D');
  });

  it('scrubs a secret echoed anywhere else in the exchange', () => {
    const request = jsonRequest({ token: 'whk-secret-value' }, { headers: { 'content-type': 'application/json', authorization: 'Bearer mgmt-key-123456' }, query: 'echo=mgmt-key-123456' });
    const response: ResponseFacts = {
      status: 201,
      headers: { 'content-type': 'application/json', 'x-debug': 'saw mgmt-key-123456', 'content-length': '99' },
      body: Buffer.from(JSON.stringify({ message: 'token was whk-secret-value', auth: 'Bearer mgmt-key-123456' })),
    };
    const out = redactor.exchange(request, response);
    const text = JSON.stringify(out) + out.response.body.toString() + out.request.body!.toString();
    expect(text).not.toContain('whk-secret-value');
    expect(text).not.toContain('mgmt-key-123456');
    expect(out.request.query).toBe('echo=%5BREDACTED%5D');
    expect(bodyOf(out.response)).toEqual({ message: `token was ${REDACTED}`, auth: REDACTED });
    expect(out.response.headers['content-length']).toBe(String(out.response.body.length));
  });

  it('scrubs binary bodies by bytes and leaves unrelated bodies untouched', () => {
    const response: ResponseFacts = { status: 200, headers: { 'content-type': 'application/octet-stream' }, body: Buffer.concat([Buffer.from([0xff]), Buffer.from('key=supersecret!')]) };
    const out = redactor.exchange({ method: 'GET', path: '/', query: '', headers: { 'x-api-key': 'supersecret!' } }, response);
    expect(out.response.body.toString('latin1')).toBe('\xffkey=[REDACTED]');
    const plain: ResponseFacts = { status: 200, headers: {}, body: Buffer.from('nothing to see') };
    expect(redactor.response(plain).body).toBe(plain.body);
  });

  it('is idempotent', () => {
    const once = redactor.request(jsonRequest({ password: 'pw-123456', note: 'pw-123456' }));
    const twice = redactor.request(once);
    expect(twice.body!.equals(once.body!)).toBe(true);
  });

  it('accepts extra header and field rules, as names or /regex/', () => {
    const custom = createRedactor({ headers: ['x-session'], fields: ['pin', '/^otp_/i'], values: ['literal-secret'] });
    const out = custom.request(jsonRequest({ pin: '1234', OTP_code: '999999', other: 'has literal-secret inside' }, { headers: { 'x-session': 's', 'content-type': 'application/json' } }));
    expect(out.headers['x-session']).toBe(REDACTED);
    expect(bodyOf(out)).toEqual({ pin: REDACTED, OTP_code: REDACTED, other: `has ${REDACTED} inside` });
  });

  it('replaces URL userinfo', () => {
    expect(redactUserinfo('https://user:pw@api.example.com/x')).toBe('https://%5BREDACTED%5D:%5BREDACTED%5D@api.example.com/x');
    expect(redactUserinfo('https://api.example.com/x')).toBe('https://api.example.com/x');
  });
});
