import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import { createMockServer } from '../../src/mock/index.js';
import type { LoadedSpec } from '../../src/openapi/index.js';
import { documentWith, inlineSpec } from '../helpers/inline-spec.js';
import { serveApps } from '../helpers/serve.js';

/**
 * Security requirements enforced as OAS §4.8.30 says: requirements are alternatives, the schemes
 * of one requirement are all needed, `{}` and `[]` let anonymous requests through. A request that
 * meets none gets a 401 problem with a WWW-Authenticate challenge (RFC 9110 §11.6.1).
 */

const OK = { '200': { description: 'ok', content: { 'application/json': { example: { ok: true } } } } };
const DOCUMENT = {
  ...documentWith('3.0.3', {
    '/keyed': { get: { operationId: 'keyed', responses: OK } },
    '/either': { get: { operationId: 'either', security: [{ basic: [] }, { bearer: [] }], responses: OK } },
    '/both': { get: { operationId: 'both', security: [{ headerKey: [], queryKey: [] }], responses: OK } },
    '/cookie': { get: { operationId: 'cookie', security: [{ cookieKey: [] }], responses: OK } },
    '/oauth': { get: { operationId: 'oauth', security: [{ oauth: ['read'] }, { oidc: [] }], responses: OK } },
    '/open': { get: { operationId: 'open', security: [], responses: OK } },
    '/optional': { get: { operationId: 'optional', security: [{}, { bearer: [] }], responses: OK } },
    '/declared': {
      get: {
        operationId: 'declared',
        responses: { ...OK, '401': { description: 'no', content: { 'application/json': { schema: { type: 'object', required: ['message'], properties: { message: { type: 'string' } } } } } } },
      },
    },
  }),
  security: [{ headerKey: [] }],
};
(DOCUMENT.components as Record<string, unknown>).securitySchemes = {
  headerKey: { type: 'apiKey', in: 'header', name: 'X-API-Key' },
  queryKey: { type: 'apiKey', in: 'query', name: 'api_key' },
  cookieKey: { type: 'apiKey', in: 'cookie', name: 'session' },
  basic: { type: 'http', scheme: 'basic' },
  bearer: { type: 'http', scheme: 'bearer' },
  oauth: { type: 'oauth2', flows: { implicit: { authorizationUrl: 'https://example.com/auth', scopes: { read: 'read' } } } },
  oidc: { type: 'openIdConnect', openIdConnectUrl: 'https://example.com/.well-known/openid-configuration' },
};

let loaded: Promise<LoadedSpec> | undefined;
async function serve(security = true) {
  loaded ??= inlineSpec(DOCUMENT);
  const server = await createMockServer({ spec: await loaded, host: '127.0.0.1', port: 0, security });
  return server;
}

async function status(url: string, headers: Record<string, string> = {}) {
  const response = await request(url, { headers });
  const text = await response.body.text();
  return { status: response.statusCode, challenge: response.headers['www-authenticate'], type: response.headers['content-type'], body: text };
}

const BASIC = `Basic ${Buffer.from('user:pw').toString('base64')}`;

describe('security requirements', () => {
  it('answers 401 problem+json with a challenge when the credentials are missing', async () => {
    const server = await serve();
    try {
      const refused = await status(`${server.url}/keyed`);
      expect(refused.status).toBe(401);
      expect(refused.type).toMatch(/^application\/problem\+json/);
      expect(refused.challenge).toMatch(/^ApiKey realm="mock", in="header", name="X-API-Key"$/);
      expect(JSON.parse(refused.body)).toMatchObject({ status: 401, code: 'unauthorized' });
      expect(JSON.parse(refused.body).detail).toMatch(/X-API-Key header/);
      expect((await status(`${server.url}/keyed`, { 'x-api-key': 'anything' })).status).toBe(200);
    } finally {
      await server.close();
    }
  });

  it('ORs the requirements and ANDs the schemes inside one', async () => {
    const server = await serve();
    try {
      const none = await status(`${server.url}/either`);
      expect(none.status).toBe(401);
      expect(none.challenge).toBe('Basic realm="mock", Bearer realm="mock"');
      expect((await status(`${server.url}/either`, { authorization: BASIC })).status).toBe(200);
      expect((await status(`${server.url}/either`, { authorization: 'bearer tok' })).status).toBe(200);
      // Basic credentials must be base64 of user:password.
      expect((await status(`${server.url}/either`, { authorization: 'Basic not-base64!' })).status).toBe(401);
      expect((await status(`${server.url}/either`, { authorization: 'Digest x' })).status).toBe(401);
      expect((await status(`${server.url}/both?api_key=k`)).status).toBe(401);
      expect((await status(`${server.url}/both`, { 'x-api-key': 'k' })).status).toBe(401);
      expect((await status(`${server.url}/both?api_key=k`, { 'x-api-key': 'k' })).status).toBe(200);
    } finally {
      await server.close();
    }
  });

  it('reads API keys from cookies and takes OAuth2 and OpenID Connect as bearer tokens', async () => {
    const server = await serve();
    try {
      expect((await status(`${server.url}/cookie`, { cookie: 'other=1' })).status).toBe(401);
      expect((await status(`${server.url}/cookie`, { cookie: 'other=1; session=abc' })).status).toBe(200);
      expect((await status(`${server.url}/oauth`)).challenge).toBe('Bearer realm="mock"');
      expect((await status(`${server.url}/oauth`, { authorization: 'Bearer t' })).status).toBe(200);
    } finally {
      await server.close();
    }
  });

  it('lets anonymous requests through `security: []` and an empty requirement {}', async () => {
    const server = await serve();
    try {
      expect((await status(`${server.url}/open`)).status).toBe(200);
      expect((await status(`${server.url}/optional`)).status).toBe(200);
    } finally {
      await server.close();
    }
  });

  it("fits the 401 to the operation's declared error schema, keeping the challenge", async () => {
    const server = await serve();
    try {
      const refused = await status(`${server.url}/declared`);
      expect(refused.status).toBe(401);
      expect(refused.challenge).toMatch(/^ApiKey/);
      expect(JSON.parse(refused.body).message).toEqual(expect.any(String));
    } finally {
      await server.close();
    }
  });

  it('is off with security: false (the CLI\'s --no-security)', async () => {
    const server = await serve(false);
    try {
      expect((await status(`${server.url}/keyed`)).status).toBe(200);
      expect((await status(`${server.url}/both`)).status).toBe(200);
    } finally {
      await server.close();
    }
  });

  it("leaves the Apps layer to its own rules: a webhook without a token to an unknown app is the model's 404, not a 401", async () => {
    const server = await serveApps();
    const response = await request(`${server.url}/v1/apps/app_0193a3b5c0de7000800000000000abcd/webhooks/appchan_0193a3b5c0de7000800000000000abcd`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(response.statusCode).toBe(404);
    expect(((await response.body.json()) as { code: string }).code).toBe('app_not_found');
  });
});
