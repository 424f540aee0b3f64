import { describe, expect, it } from 'vitest';
import type { Operation } from '../../../src/openapi/index.js';
import { Router } from '../../../src/mock/index.js';

const op = (method: string, path: string, parameters: Operation['parameters'] = []): Operation =>
  ({
    id: `${method} ${path}`,
    method,
    path,
    pointer: '',
    summary: undefined,
    tags: [],
    parameters,
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

describe('Router with path-key discriminators', () => {
  const header = { name: 'X-Amz-Target', in: 'header', required: true, style: 'simple', explode: false, schema: undefined, schemaPointer: undefined, json: false, allowReserved: false } as const;
  const router = new Router([
    op('GET', '/rest?method=a'),
    op('GET', '/rest?method=b'),
    op('DELETE', '/tags/{arn}'),
    op('DELETE', '/tags/{arn}#tagKeys'),
    op('POST', '/#X-Amz-Target=Svc.A', [header]),
  ]);
  const facts = (query: string, headers: Record<string, string> = {}) => ({ query: new URLSearchParams(query), headers });

  it('picks the operation whose discriminator the request carries', () => {
    expect(router.resolve('GET', '/rest', facts('method=b&x=1'))).toMatchObject({ ok: true, operation: { path: '/rest?method=b' } });
    expect(router.resolve('DELETE', '/tags/t1', facts('tagKeys=k'))).toMatchObject({ ok: true, operation: { path: '/tags/{arn}#tagKeys' }, pathParams: { arn: 't1' } });
    expect(router.resolve('DELETE', '/tags/t1', facts(''))).toMatchObject({ ok: true, operation: { path: '/tags/{arn}' } });
    expect(router.resolve('POST', '/', facts('', { 'x-amz-target': 'Svc.A' }))).toMatchObject({ ok: true, operation: { path: '/#X-Amz-Target=Svc.A' } });
  });

  it('answers 404 naming the declared keys when no discriminator matches, and 405 for an undeclared method', () => {
    const none = router.resolve('GET', '/rest', facts('method=c'));
    expect(none).toMatchObject({ ok: false, problem: { status: 404 } });
    expect(!none.ok && none.problem.detail).toContain('/rest?method=a, /rest?method=b');
    expect(router.resolve('POST', '/', facts('', { 'x-amz-target': 'Svc.B' }))).toMatchObject({ ok: false, problem: { status: 404 } });
    expect(router.resolve('PUT', '/rest', facts('method=a'))).toMatchObject({ ok: false, problem: { status: 405 }, headers: { allow: 'GET' } });
  });
});
