/**
 * The judge without a network: a second oracle plays the target (its ids are its own, so the
 * judge must learn them), and answers are tampered with to show which rule each tampering breaks.
 */
import { describe, expect, it } from 'vitest';
import { toAppsInput } from '../../../../../src/conformance/apps/sequences/apps-input.js';
import { AppsJudge } from '../../../../../src/conformance/apps/sequences/judge.js';
import { Oracle } from '../../../../../src/conformance/apps/sequences/oracle.js';
import type { Routed, StatefulRequest } from '../../../../../src/conformance/stateful/index.js';
import { SpecValidator } from '../../../../../src/validation/index.js';
import { loadAppsSpec } from '../../../../helpers/serve.js';
import { HARNESS } from '../../../../helpers/apps-ids.js';

/** The model's view of a request the engine lets through. */
function modelRequest(validator: SpecValidator, routed: Routed, request: StatefulRequest) {
  const input = toAppsInput(validator, routed, request);
  if (!input.ok) throw new Error(`the engine refused the request: ${input.problem.detail}`);
  return input.request;
}

async function setup() {
  const spec = await loadAppsSpec();
  const validator = new SpecValidator(spec);
  const judge = new AppsJudge(spec, validator, 'http://target.test');
  const target = new Oracle('http://target.test', Date.parse('2025-03-01T12:00:00Z'));
  /** Sends to the pretend target, lets `tamper` change its answer, and returns what the judge says. */
  const step = (method: string, path: string, body?: unknown, tamper: (json: Record<string, unknown>) => void = () => {}) => {
    const request: StatefulRequest = {
      method,
      path,
      query: '',
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: Buffer.from(JSON.stringify(body)) }),
      url: `http://target.test${path}`,
    };
    const routed = judge.route(method, path)!;
    const answer = target.predict(modelRequest(validator, routed, request), []).response;
    // A copy: the model hands out shared, frozen bodies, which a tamper must not change.
    const json = answer.body === undefined ? undefined : (structuredClone(answer.body) as Record<string, unknown>);
    if (json) tamper(json);
    const response = { status: answer.status, headers: { 'content-type': 'application/json' }, body: Buffer.from(json ? JSON.stringify(json) : '') };
    return { json, mismatches: judge.judge(routed, request, response, json) };
  };
  return { judge, step };
}

describe('AppsJudge', () => {
  it('learns the target ids and finds nothing wrong with a faithful target', async () => {
    const { judge, step } = await setup();
    const created = step('POST', '/v1/apps', { name: 'ec-unit-a', harness_id: HARNESS, channel_type: 'webhook', channel_config: { token: 'whtok_unit_00001x', message: 'hi' } });
    expect(created.mismatches).toEqual([]);
    const id = created.json!['id'] as string;
    expect(judge.oracle.apps().map((app) => app.id)).toEqual([id]);
    expect(step('PATCH', `/v1/apps/${id}`, { description: 'new' }).mismatches).toEqual([]);
    expect(step('GET', `/v1/apps/${id}`).mismatches).toEqual([]);
    expect(step('POST', `/v1/apps/${id}/publish`).mismatches).toEqual([]);
  });

  it('names the rule each tampered answer breaks', async () => {
    const { step } = await setup();
    const created = step('POST', '/v1/apps', { name: 'ec-unit-b', harness_id: HARNESS, channel_type: 'webhook', channel_config: { token: 'whtok_unit_00002x', message: 'hi' } });
    const id = created.json!['id'] as string;
    const first = (result: { mismatches: { check: string; key: string }[] }) => `${result.mismatches[0]?.check}:${result.mismatches[0]?.key}`;
    expect(first(step('PATCH', `/v1/apps/${id}`, { name: 'ec-unit-c' }, (json) => (json['description'] = 'moved')))).toBe('partial_update:field:description');
    expect(first(step('GET', `/v1/apps/${id}`, undefined, (json) => (json['name'] = 'ec-unit-b')))).toBe('read_your_writes:field:name');
    expect(first(step('POST', `/v1/apps/${id}/publish`, undefined, (json) => (json['status'] = 'draft')))).toBe('lifecycle_transitions:field:status');
    const leaked = step('GET', `/v1/apps/${id}`, undefined, (json) => {
      (json['channels'] as Record<string, Record<string, unknown>>[])[0]!['channel_config']!['token'] = 'whtok_unit_00002x';
    });
    expect(leaked.mismatches.map((m) => `${m.check}:${m.key}`)).toContain('read_your_writes:secret:echoed');
  });
});

describe('toAppsInput', () => {
  it('refuses what the mock pipeline refuses before the model: malformed or prototype-polluting JSON, bad percent-encoding', async () => {
    const { judge } = await setup();
    const validator = new SpecValidator(await loadAppsSpec());
    const post = (text: string): StatefulRequest => ({ method: 'POST', path: '/v1/apps', query: '', headers: { 'content-type': 'application/json' }, body: Buffer.from(text), url: 'http://target.test/v1/apps' });
    for (const text of ['{"name": "x",', `{"__proto__": {"x": 1}, "name": "p", "harness_id": "${HARNESS}"}`, `${'['.repeat(200)}${']'.repeat(200)}`]) {
      const input = toAppsInput(validator, judge.route('POST', '/v1/apps')!, post(text));
      expect(input, text.slice(0, 20)).toMatchObject({ ok: false, problem: { status: 400, code: 'invalid_request' } });
    }
    const path = '/v1/apps/app_%zz';
    const get: StatefulRequest = { method: 'GET', path, query: '', headers: {}, url: `http://target.test${path}` };
    expect(toAppsInput(validator, judge.route('GET', path)!, get)).toMatchObject({ ok: false, problem: { status: 400, instance: path } });
  });

  it('holds a target that accepts what the pipeline refuses to the pipeline’s 400', async () => {
    const { judge } = await setup();
    const request: StatefulRequest = { method: 'POST', path: '/v1/apps', query: '', headers: { 'content-type': 'application/json' }, body: Buffer.from('{"name":'), url: 'http://target.test/v1/apps' };
    const response = { status: 201, headers: { 'content-type': 'application/json' }, body: Buffer.from('{}') };
    expect(judge.judge(judge.route('POST', '/v1/apps')!, request, response, {}).map((m) => m.key)).toEqual(['status:400->201']);
  });
});

describe('Oracle', () => {
  it('draws learned ids first, then well-formed synthetic ones, and forgets unused ones', async () => {
    const { judge } = await setup();
    const spec = await loadAppsSpec();
    const validator = new SpecValidator(spec);
    const request = (name: string): StatefulRequest => ({
      method: 'POST',
      path: '/v1/apps',
      query: '',
      headers: { 'content-type': 'application/json' },
      body: Buffer.from(JSON.stringify({ name, harness_id: HARNESS })),
      url: 'http://target.test/v1/apps',
    });
    const oracle = new Oracle('http://target.test');
    const learned = `app_${'a'.repeat(32)}`;
    const routed = judge.route('POST', '/v1/apps')!;
    const one = oracle.predict(modelRequest(validator, routed, request('one')), [{ prefix: 'app', id: learned }, { prefix: 'session', id: 'session_unused' }]);
    expect((one.response.body as { id: string }).id).toBe(learned);
    const two = oracle.predict(modelRequest(validator, routed, request('two')), []);
    expect((two.response.body as { id: string }).id).toMatch(/^app_e{20}[0-9a-f]{12}$/);
  });
});
