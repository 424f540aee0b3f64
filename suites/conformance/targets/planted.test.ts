import { request } from 'undici';
import type { Dispatcher } from 'undici';
import { describe, expect, it } from 'vitest';
import { ALL_CHECKS, type CheckContext, type Exchange, type ReportedFinding } from '../../../src/conformance/index.js';
import { SpecValidator } from '../../../src/validation/index.js';
import { loadAppsSpec } from '../../helpers/serve.js';
import { APPS_STATELESS, collect, firedChecks } from '../collect.js';
import { CATALOGUE, errorsAsPlainJson, unknownRel, type PlantedBug } from './catalogue.js';
import { serveWithBug } from './front.js';

const SEED = Number(process.env.CONFORM_SEED ?? 7);

/** Sends a finding's first request again, as its printed curl would, and asks the same check about the answer. */
async function reproduces(finding: ReportedFinding, options: PlantedBug['options'] = {}): Promise<boolean> {
  const spec = await loadAppsSpec();
  const original = finding.evidence[0]!;
  const started = performance.now();
  const answer = await request(original.request.url, {
    method: original.request.method as Dispatcher.HttpMethod,
    headers: original.request.headers,
    body: original.request.body ?? null,
  });
  const body = Buffer.from(await answer.body.arrayBuffer());
  const headers = Object.fromEntries(Object.entries(answer.headers).map(([k, v]) => [k, String(v)]));
  let json: unknown;
  try {
    json = JSON.parse(body.toString());
  } catch {
    json = undefined;
  }
  const elapsedMs = Math.round(performance.now() - started);
  const again: Exchange = { ...original, elapsedMs, response: { status: answer.statusCode, headers, body }, ...(json === undefined ? {} : { json }) };
  const check = ALL_CHECKS.find((c) => c.name === finding.check)!;
  const context: CheckContext = {
    spec,
    validator: new SpecValidator(spec),
    secrets: [],
    apiKeyConfigured: false,
    problemRules: APPS_STATELESS.problemRules ?? [],
    target: original.request.url,
    maxResponseTimeMs: options.maxResponseTimeMs,
    send: async () => ({ status: 0, headers: {}, body: Buffer.alloc(0) }),
  };
  const found = await check.run(again, context);
  return found.some((f) => f.key === finding.key);
}

describe(`planted bugs (seed ${SEED})`, () => {
  for (const planted of CATALOGUE) {
    it(`reports ${planted.name} under ${planted.check} and nothing else`, async () => {
      const front = await serveWithBug(planted.bug());
      const { summary } = await collect({ plugins: [APPS_STATELESS], spec: await loadAppsSpec(), target: front.url, runs: 15, seed: SEED, timeoutMs: 2000, ...planted.options });
      expect(firedChecks(summary)).toEqual([planted.check, ...(planted.also ?? [])].sort());
      const finding = summary.findings.find((f) => f.check === planted.check)!;
      expect(finding.evidence.length).toBeGreaterThan(0);
      if (!['secret_not_echoed', 'links_resolve', 'ignored_auth'].includes(planted.check)) expect(await reproduces(finding, planted.options)).toBe(true);
    });
  }

  it('reports one bug seen on every operation as one finding per cause, with its count, operations and examples', async () => {
    const front = await serveWithBug(errorsAsPlainJson());
    const { summary } = await collect({
      plugins: [APPS_STATELESS],
      spec: await loadAppsSpec(),
      target: front.url,
      runs: 15,
      seed: SEED,
      timeoutMs: 2000,
    });
    const media = summary.findings.filter((f) => f.check === 'problem_json_conformance');
    expect(media.map((f) => f.key)).toEqual(['media']);
    expect(media[0]!.operations.length).toBeGreaterThan(5);
    expect(media[0]!.count).toBeGreaterThan(media[0]!.operations.length);
    expect(media[0]!.occurrences).toHaveLength(3);
    for (const occurrence of media[0]!.occurrences)
      expect(occurrence.replay?.path).toMatch(new RegExp(`^${occurrence.operation}:(positive|negative):\\d+(:\\d+)+$`));
    // An example's replay runs exactly that case again, on its own operation.
    const example = media[0]!.occurrences[0]!;
    const replayed = await collect({
      plugins: [APPS_STATELESS],
      spec: await loadAppsSpec(),
      target: front.url,
      seed: SEED,
      replay: example.replay!.path,
      checks: ['problem_json_conformance'],
    });
    expect(replayed.summary.findings.map((f) => [f.operation, f.key])).toEqual([[example.operation, 'media']]);
    expect(replayed.summary.findings[0]!.evidence[0]!.request.url).toBe(example.evidence[0]!.request.url);
    // The same error writer answers every 4xx status: one content-type finding for each status, not for each operation.
    const contentTypes = summary.findings.filter((f) => f.check === 'content_type_conformance');
    expect(new Set(contentTypes.map((f) => f.key)).size).toBe(contentTypes.length);
    expect(contentTypes.every((f) => f.scope === 'api')).toBe(true);
  });

  it('holds the Apps problem rules only when the runner is handed the Apps plug-in', async () => {
    const front = await serveWithBug(unknownRel());
    const options = { spec: await loadAppsSpec(), target: front.url, runs: 5, seed: SEED, operations: ['get_app'], checks: ['problem_json_conformance'] };
    const handed = await collect({ ...options, plugins: [APPS_STATELESS] });
    expect(handed.summary.findings.map((f) => f.key)).toContain('rel:teleport');
    const bare = await collect(options);
    expect(bare.summary.findings).toEqual([]);
  });

  it('reports a hanging endpoint as a finding within the timeout instead of hanging', async () => {
    const front = await serveWithBug({
      before: (seen) => (seen.method === 'GET' && /^\/v1\/apps\/[^/]+$/.test(seen.path) ? 'hang' : undefined),
    });
    const started = Date.now();
    const { summary } = await collect({
      plugins: [APPS_STATELESS],
      spec: await loadAppsSpec(),
      target: front.url,
      runs: 5,
      seed: SEED,
      timeoutMs: 300,
      checks: ['not_a_server_error'],
    });
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(summary.findings.map((f) => [f.check, f.key])).toContainEqual(['not_a_server_error', 'transport:timeout']);
  });
});
