import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import type { ConformancePlugin, PhaseContext, RunPhase } from '../../src/conformance/index.js';
import { UsageError } from '../../src/core/index.js';
import { loadAppsSpec, serveApps } from '../helpers/serve.js';
import { collect } from './collect.js';

/** A stand-in for the stateful sequences: creates one app and reports one finding under its own check. */
function fakePhase(seen: PhaseContext[]): RunPhase {
  return {
    checks: ['read_your_writes'],
    async run(context) {
      seen.push(context);
      const body = Buffer.from(
        JSON.stringify({ name: `${context.namePrefix}phase`, harness_id: 'harness_0193a3b5c0de70008000000000000001' }),
      );
      const url = `${context.target}/v1/apps`;
      const response = await context.send({
        method: 'POST',
        url,
        path: '/v1/apps',
        query: '',
        headers: { ...context.headers, 'content-type': 'application/json' },
        body,
      });
      const app = JSON.parse(response.body.toString()) as { id: string };
      context.onCreated(`/v1/apps/${app.id}`);
      const evidence = {
        operation: context.spec.operations[0]!,
        request: { method: 'POST', url, path: '/v1/apps', query: '', headers: {} },
        response,
        generatedAs: { kind: 'positive' as const },
        elapsedMs: 0,
      };
      return {
        requests: 1,
        findings: [
          {
            check: 'read_your_writes',
            severity: 'error',
            operation: 'create_app',
            title: 'stand-in',
            expected: 'x',
            received: 'y',
            key: 'k',
            evidence: [evidence],
            replay: { seed: context.seed, path: 'stateful:0:1' },
          },
        ],
      };
    },
  };
}

/** A plug-in that only brings a phase, for any document. */
const withPhase = (phase: RunPhase): ConformancePlugin[] => [{ name: 'fake', appliesTo: () => true, phases: [phase] }];

describe('extra run phases (the stateful layer’s hook)', () => {
  it('run after generation with the run’s client, report under their own checks, and get their resources archived', async () => {
    const mock = await serveApps();
    const seen: PhaseContext[] = [];
    const { summary } = await collect({
      spec: await loadAppsSpec(),
      target: mock.url,
      seed: 31,
      runs: 5,
      plugins: withPhase(fakePhase(seen)),
      checks: ['read_your_writes'],
    });
    expect(seen).toHaveLength(1);
    expect([...seen[0]!.enabled]).toEqual(['read_your_writes']);
    expect(summary.findings.map((f) => [f.check, f.replay?.path])).toEqual([['read_your_writes', 'stateful:0:1']]);
    expect(summary.checks).toEqual([{ check: 'read_your_writes', passed: 0, failed: 1 }]);
    expect(summary.cleanup.archived).toBe(1);
    const state = (await (await request(mock.url + '/__mock/state')).body.json()) as { apps: Array<{ status: string }> };
    expect(state.apps.map((app) => app.status)).toEqual(['archived']);
  });

  it('accept the phase’s names in --checks, refuse unknown ones, and hand it a replay path the runner does not know', async () => {
    const mock = await serveApps();
    const seen: PhaseContext[] = [];
    const spec = await loadAppsSpec();
    await expect(collect({ spec, target: mock.url, seed: 1, plugins: withPhase(fakePhase(seen)), checks: ['nope'] })).rejects.toThrow(UsageError);
    await collect({ spec, target: mock.url, seed: 2, plugins: withPhase(fakePhase(seen)), replay: 'stateful:0:1' });
    expect(seen.map((context) => context.replay)).toEqual(['stateful:0:1']);
  });

  it('are skipped with --read-only, with a warning', async () => {
    const mock = await serveApps();
    const seen: PhaseContext[] = [];
    const { events } = await collect({
      spec: await loadAppsSpec(),
      target: mock.url,
      seed: 3,
      runs: 2,
      readOnly: true,
      plugins: withPhase(fakePhase(seen)),
    });
    expect(seen).toEqual([]);
    expect(events.some((event) => event.type === 'run-warned' && event.message.includes('read_your_writes'))).toBe(true);
  });

  it('are left out, with the rest of their plug-in, for a document the plug-in does not apply to', async () => {
    const mock = await serveApps();
    const seen: PhaseContext[] = [];
    const calls: string[] = [];
    const plugin: ConformancePlugin = {
      name: 'elsewhere',
      appliesTo: () => false,
      setUp: async () => void calls.push('setUp'),
      problemRules: [() => [{ key: 'never', title: 't', expected: 'e', received: 'r' }]],
      phases: [fakePhase(seen)],
    };
    const { summary } = await collect({ spec: await loadAppsSpec(), target: mock.url, seed: 4, runs: 2, plugins: [plugin] });
    expect([seen, calls]).toEqual([[], []]);
    expect(summary.findings.filter((finding) => finding.key === 'never')).toEqual([]);
    await expect(collect({ spec: await loadAppsSpec(), target: mock.url, seed: 4, checks: ['read_your_writes'], plugins: [plugin] })).rejects.toThrow(UsageError);
  });

  it('refuse, as a usage error, a replay path that no phase claims', async () => {
    const mock = await serveApps();
    const seen: PhaseContext[] = [];
    const choosy: RunPhase = { ...fakePhase(seen), replays: (path) => path.startsWith('mine@') };
    const plugins = [{ name: 'choosy', appliesTo: () => true, phases: [choosy] }];
    await expect(collect({ spec: await loadAppsSpec(), target: mock.url, seed: 5, replay: 'yours@0', plugins })).rejects.toThrow(/--replay expects/);
    await collect({ spec: await loadAppsSpec(), target: mock.url, seed: 5, replay: 'mine@0', plugins });
    expect(seen.map((context) => context.replay)).toEqual(['mine@0']);
  });
});
