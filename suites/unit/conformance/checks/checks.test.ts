import { describe, expect, it } from 'vitest';
import { APPS_PROBLEM_RULES } from '../../../../src/conformance/apps/problem-rules.js';
import { contentTypeConformance } from '../../../../src/conformance/checks/content-type-conformance.js';
import { ignoredAuth } from '../../../../src/conformance/checks/ignored-auth.js';
import { ALL_CHECKS } from '../../../../src/conformance/checks/index.js';
import { linksResolve } from '../../../../src/conformance/checks/links-resolve.js';
import { negativeDataRejection } from '../../../../src/conformance/checks/negative-data-rejection.js';
import { notAServerError } from '../../../../src/conformance/checks/not-a-server-error.js';
import { problemJsonConformance } from '../../../../src/conformance/checks/problem-json-conformance.js';
import { responseSchemaConformance } from '../../../../src/conformance/checks/response-schema-conformance.js';
import { secretNotEchoed } from '../../../../src/conformance/checks/secret-not-echoed.js';
import { statusCodeConformance } from '../../../../src/conformance/checks/status-code-conformance.js';
import { selectChecks } from '../../../../src/conformance/checks/select.js';
import { UsageError } from '../../../../src/core/index.js';
import { app, apps, context, exchange, problem } from '../fixture.js';

const PROBLEM = { 'content-type': 'application/problem+json' };
const NEGATIVE = { kind: 'negative', keyword: 'pattern', pointer: '/body/harness_id', description: 'breaks the pattern' } as const;

describe('the check registry', () => {
  it('lists every check once, in order, named like its option value', () => {
    expect(ALL_CHECKS.map((check) => check.name)).toEqual([
      'not_a_server_error',
      'status_code_conformance',
      'content_type_conformance',
      'response_schema_conformance',
      'problem_json_conformance',
      'negative_data_rejection',
      'ignored_auth',
      'secret_not_echoed',
      'links_resolve',
      'max_response_time',
    ]);
  });

  it('selects, excludes, and refuses unknown names listing the valid ones', () => {
    expect(selectChecks(ALL_CHECKS, ['links_resolve']).map((c) => c.name)).toEqual(['links_resolve']);
    expect(selectChecks(ALL_CHECKS, undefined, ['links_resolve'])).toHaveLength(ALL_CHECKS.length - 1);
    expect(() => selectChecks(ALL_CHECKS, ['nope'])).toThrow(UsageError);
    expect(() => selectChecks(ALL_CHECKS, ['nope'])).toThrow(/valid checks: not_a_server_error/);
  });
});

describe('not_a_server_error', () => {
  it('flags a 5xx and passes a 4xx', async () => {
    const { op } = await apps();
    expect(
      await notAServerError.run(exchange(op('create_app'), { status: 500, headers: PROBLEM, json: problem(500) }), await context()),
    ).toHaveLength(1);
    expect(
      await notAServerError.run(exchange(op('create_app'), { status: 400, headers: PROBLEM, json: problem(400) }), await context()),
    ).toEqual([]);
  });
});

describe('status_code_conformance', () => {
  it('flags a 200 where create_app declares 201', async () => {
    const { op } = await apps();
    const [finding] = await statusCodeConformance.run(exchange(op('create_app'), { status: 200, json: app() }), await context());
    expect(finding).toMatchObject({ check: 'status_code_conformance', operation: 'create_app', key: 'status:200' });
    expect(finding!.expected).toContain('201');
    expect(await statusCodeConformance.run(exchange(op('create_app'), { status: 201, json: app() }), await context())).toEqual([]);
  });
});

describe('content_type_conformance', () => {
  it('flags an error body sent as application/json where problem+json is declared', async () => {
    const { op } = await apps();
    const found = await contentTypeConformance.run(exchange(op('get_app'), { status: 404, json: problem(404) }), await context());
    expect(found.map((f) => f.key)).toEqual(['404:application/json']);
    expect(
      await contentTypeConformance.run(exchange(op('get_app'), { status: 404, headers: PROBLEM, json: problem(404) }), await context()),
    ).toEqual([]);
  });

  it('flags a body without a Content-Type and ignores empty bodies', async () => {
    const { op } = await apps();
    expect(await contentTypeConformance.run(exchange(op('get_app'), { status: 200, text: '{}' }), await context())).toHaveLength(1);
    expect(await contentTypeConformance.run(exchange(op('delete_app'), { status: 204 }), await context())).toEqual([]);
  });
});

describe('response_schema_conformance', () => {
  it('reports each violation with its pointer when a required field is dropped', async () => {
    const { op } = await apps();
    const body = app();
    delete body.harness_id;
    const [finding] = await responseSchemaConformance.run(exchange(op('get_app'), { status: 200, json: body }), await context());
    expect(finding!.violations).toContainEqual(
      expect.objectContaining({ in: 'response-body', pointer: '/harness_id', keyword: 'required' }),
    );
    expect(await responseSchemaConformance.run(exchange(op('get_app'), { status: 200, json: app() }), await context())).toEqual([]);
  });

  it('reports a body that claims JSON but does not parse', async () => {
    const { op } = await apps();
    const [finding] = await responseSchemaConformance.run(
      exchange(op('get_app'), { status: 200, headers: { 'content-type': 'application/json' }, text: '{"id": ' }),
      await context(),
    );
    expect(finding).toMatchObject({ title: 'Body is not valid JSON', key: '200:json' });
  });
});

describe('problem_json_conformance', () => {
  const run = async (status: number, headers: Record<string, string>, json: unknown, problemRules = APPS_PROBLEM_RULES) => {
    const { op } = await apps();
    return (await problemJsonConformance.run(exchange(op('get_app'), { status, headers, json }), await context({ problemRules: [...problemRules] }))).map(
      (f) => f.key,
    );
  };

  it('passes a well-formed problem and ignores successes', async () => {
    expect(await run(404, PROBLEM, problem(404, { allowed_actions: [{ rel: 'get-existing' }] }))).toEqual([]);
    expect(await run(200, {}, app())).toEqual([]);
  });

  it('flags the wrong media type, a missing title and a disagreeing status', async () => {
    expect(await run(404, {}, problem(404))).toEqual(['media']);
    expect(await run(404, PROBLEM, { status: 404 })).toEqual(['title']);
    expect(await run(404, PROBLEM, problem(400))).toEqual(['status']);
  });

  it('holds the plug-ins’ problem rules, and only those it is given', async () => {
    const teleport = problem(404, { allowed_actions: [{ rel: 'retry' }, { rel: 'teleport' }] });
    expect(await run(404, PROBLEM, teleport)).toEqual(['rel:teleport']);
    expect(await run(404, PROBLEM, teleport, [])).toEqual([]);
    expect(await run(404, PROBLEM, problem(404), [() => [{ key: 'mine', title: 't', expected: 'e', received: 'r' }]])).toEqual(['mine']);
  });

  it('allows retry_after_seconds only on 429/503 with a matching Retry-After', async () => {
    expect(await run(400, PROBLEM, problem(400, { retry_after_seconds: 5 }))).toEqual(['retry-after-status']);
    expect(await run(503, PROBLEM, problem(503, { retry_after_seconds: 5 }))).toEqual(['retry-after-header']);
    expect(await run(503, { ...PROBLEM, 'retry-after': '7' }, problem(503, { retry_after_seconds: 5 }))).toEqual(['retry-after-header']);
    expect(await run(503, { ...PROBLEM, 'retry-after': '5' }, problem(503, { retry_after_seconds: 5 }))).toEqual([]);
  });
});

describe('negative_data_rejection', () => {
  it('flags invalid input that was accepted, and nothing else', async () => {
    const { op } = await apps();
    const accepted = await negativeDataRejection.run(exchange(op('create_app'), { status: 201, json: app() }, NEGATIVE), await context());
    expect(accepted.map((f) => f.key)).toEqual(['pattern:/body/harness_id']);
    expect(
      await negativeDataRejection.run(
        exchange(op('create_app'), { status: 400, headers: PROBLEM, json: problem(400) }, NEGATIVE),
        await context(),
      ),
    ).toEqual([]);
    expect(await negativeDataRejection.run(exchange(op('create_app'), { status: 201, json: app() }), await context())).toEqual([]);
    // A 5xx is not_a_server_error's to report.
    expect(
      await negativeDataRejection.run(
        exchange(op('create_app'), { status: 500, headers: PROBLEM, json: problem(500) }, NEGATIVE),
        await context(),
      ),
    ).toEqual([]);
  });
});

describe('ignored_auth', () => {
  it('demands 401 for auth probes only', async () => {
    const { op } = await apps();
    const probe = { kind: 'auth', variant: 'a wrong webhook token' } as const;
    const accepted = { accepted: true, created_session: true, session_id: 'session_0193a3b5c0de70008000000000000001' };
    expect(
      (await ignoredAuth.run(exchange(op('invoke_webhook'), { status: 202, json: accepted }, probe), await context())).map((f) => f.key),
    ).toEqual(['a wrong webhook token']);
    expect(
      await ignoredAuth.run(exchange(op('invoke_webhook'), { status: 401, headers: PROBLEM, json: problem(401) }, probe), await context()),
    ).toEqual([]);
    expect(await ignoredAuth.run(exchange(op('invoke_webhook'), { status: 202, json: accepted }), await context())).toEqual([]);
  });
});

describe('secret_not_echoed', () => {
  it('finds a secret in the body or a header, and says where without printing it', async () => {
    const { op } = await apps();
    const ctx = await context({ secrets: ['tok-0123456789abcdef'] });
    const inBody = await secretNotEchoed.run(
      exchange(op('get_app'), { status: 200, json: { ...app(), token: 'tok-0123456789abcdef' } }),
      ctx,
    );
    expect(inBody.map((f) => f.key)).toEqual(['body']);
    expect(JSON.stringify(inBody.map((f) => [f.title, f.expected, f.received]))).not.toContain('tok-0123456789abcdef');
    const inHeader = await secretNotEchoed.run(
      exchange(op('get_app'), { status: 200, headers: { 'x-debug': 'token=tok-0123456789abcdef' }, json: app() }),
      ctx,
    );
    expect(inHeader.map((f) => f.key)).toEqual(['header x-debug']);
    expect(await secretNotEchoed.run(exchange(op('get_app'), { status: 200, json: app() }), ctx)).toEqual([]);
  });
});

describe('links_resolve', () => {
  it('follows self_url with the same credentials and compares ids', async () => {
    const { op } = await apps();
    const seen: string[] = [];
    const same = await context({
      answer: async (request) => {
        seen.push(`${request.method} ${request.url} ${request.headers.authorization}`);
        return { status: 200, headers: { 'content-type': 'application/json' }, body: Buffer.from(JSON.stringify(app())) };
      },
    });
    expect(await linksResolve.run(exchange(op('get_app'), { status: 200, json: app() }), same)).toEqual([]);
    expect(seen).toEqual(['GET http://127.0.0.1:1/v1/apps/app_0193a3b5c0de70008000000000000001 Bearer sekrit-key-123']);
  });

  it('reports a self_url that leads elsewhere or nowhere, with the follow-up as evidence', async () => {
    const { op } = await apps();
    const other = await context({
      answer: async () => ({
        status: 200,
        headers: { 'content-type': 'application/json' },
        body: Buffer.from(JSON.stringify(app('app_0193a3b5c0de700080000000000000ff'))),
      }),
    });
    const [wrong] = await linksResolve.run(exchange(op('get_app'), { status: 200, json: app() }), other);
    expect(wrong).toMatchObject({ key: 'id' });
    expect(wrong!.evidence).toHaveLength(2);
    const [missing] = await linksResolve.run(exchange(op('get_app'), { status: 200, json: app() }), await context());
    expect(missing).toMatchObject({ key: 'status:404' });
  });

  it('reports a self_url on another origin without following it', async () => {
    const { op } = await apps();
    let sent = 0;
    const ctx = await context({
      answer: async () => {
        sent += 1;
        return { status: 200, headers: {}, body: Buffer.alloc(0) };
      },
    });
    const [foreign] = await linksResolve.run(
      exchange(op('get_app'), { status: 200, json: { ...app(), self_url: 'https://api.elsewhere.io/v1/apps/x' } }),
      ctx,
    );
    expect(foreign).toMatchObject({ key: 'foreign-origin', severity: 'error', scope: 'api' });
    expect(sent).toBe(0);
  });
});

describe('problem_json_conformance on a document that never declares problem+json', () => {
  it('holds nothing against a bodiless 400 that the document itself declares', async () => {
    const { inlineSpec, documentWith } = await import('../../../helpers/inline-spec.js');
    const { SpecValidator } = await import('../../../../src/validation/index.js');
    const spec = await inlineSpec(
      documentWith('3.0.3', { '/pets': { get: { responses: { '200': { description: 'ok' }, '400': { description: 'bad' } } } } }),
    );
    const base = await context();
    const appsSpec = await apps();
    const found = await problemJsonConformance.run(exchange(spec.operations[0]!, { status: 400 }), {
      ...base,
      spec,
      validator: new SpecValidator(spec),
    });
    expect(found).toEqual([]);
    const onApps = await problemJsonConformance.run(exchange(appsSpec.op('get_app'), { status: 404 }), base);
    expect(onApps.map((finding) => finding.check)).toEqual(['problem_json_conformance']);
  });
});
