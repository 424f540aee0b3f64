import { describe, expect, it } from 'vitest';
import type { Operation } from '../../../src/openapi/index.js';
import { Router } from '../../../src/mock/index.js';

const op = (method: string, path: string): Operation =>
  ({
    id: `${method} ${path}`,
    method,
    path,
    pointer: '',
    summary: undefined,
    tags: [],
    parameters: [],
    requestBody: undefined,
    responses: [],
    security: undefined,
  }) as Operation;

describe('Router', () => {
  const router = new Router([
    op('GET', '/orgs/{org}/attestations/{subject_digest}'),
    op('DELETE', '/orgs/{org}/attestations/{attestation_id}'),
  ]);

  it('names path parameters after the matched operation even when templates share a node', () => {
    expect(router.resolve('GET', '/orgs/acme/attestations/sha256%3Aab')).toMatchObject({
      ok: true,
      pathParams: { org: 'acme', subject_digest: 'sha256:ab' },
    });
    expect(router.resolve('DELETE', '/orgs/acme/attestations/7')).toMatchObject({
      ok: true,
      pathParams: { org: 'acme', attestation_id: '7' },
    });
  });

  it('answers 405 with Allow for a known path and 404 for an unknown one', () => {
    expect(router.resolve('PUT', '/orgs/acme/attestations/7')).toMatchObject({
      ok: false,
      problem: { status: 405 },
      headers: { allow: 'GET, DELETE' },
    });
    expect(router.resolve('GET', '/nowhere')).toMatchObject({ ok: false, problem: { status: 404, code: 'route_not_found' } });
  });

  it('serves HEAD from GET and rejects malformed percent-encoding with 400', () => {
    expect(router.resolve('HEAD', '/orgs/acme/attestations/x')).toMatchObject({ ok: true });
    expect(router.resolve('GET', '/orgs/%E0%A4%A/attestations/x')).toMatchObject({ ok: false, problem: { status: 400 } });
  });
});
