import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import { exitCodeOf, runConformance, toJsonReport, type RunEvent } from '../../src/conformance/index.js';
import { loadAppsSpec, serveApps } from '../helpers/serve.js';
import { APPS_STATELESS, collect } from './collect.js';
import { serveWithBug, type Seen } from './targets/front.js';

async function apps(mockUrl: string): Promise<Array<{ name: string; status: string; harness_id: string }>> {
  const answer = await request(mockUrl + '/__mock/state');
  return ((await answer.body.json()) as { apps: Array<{ name: string; status: string; harness_id: string }> }).apps;
}

describe('a run against a live target', () => {
  it('archives every app it created when interrupted with Ctrl-C', async () => {
    const mock = await serveApps();
    const controller = new AbortController();
    const events: RunEvent[] = [];
    for await (const event of runConformance({
      plugins: [APPS_STATELESS],
      spec: await loadAppsSpec(),
      target: mock.url,
      seed: 8,
      runs: 1000,
      signal: controller.signal,
      concurrency: 1,
    })) {
      events.push(event);
      if (event.type === 'operation-finished') controller.abort();
    }
    const finished = events.at(-1);
    expect(finished?.type).toBe('run-finished');
    if (finished?.type !== 'run-finished') return;
    expect(finished.summary.interrupted).toBe(true);
    // An interrupted run never passes, even with nothing found: its JSON says so and it exits 2.
    expect(JSON.parse(toJsonReport(finished.summary, []))).toMatchObject({ interrupted: true, passed: false });
    expect(exitCodeOf(finished.summary)).toBe(2);
    const created = (await apps(mock.url)).filter((app) => app.name.startsWith('conform-8-'));
    expect(created.length).toBeGreaterThan(0);
    expect(created.filter((app) => app.status !== 'archived')).toEqual([]);
    expect(finished.summary.cleanup.archived).toBe(created.length);
  });

  it('stops generating after --max-duration', async () => {
    const mock = await serveApps();
    const started = Date.now();
    const { summary } = await collect({ plugins: [APPS_STATELESS], spec: await loadAppsSpec(), target: mock.url, seed: 9, runs: 100_000, maxDurationMs: 500 });
    expect(Date.now() - started).toBeLessThan(8000);
    // The time budget it was given is no interruption: such a run can pass.
    expect(summary).toMatchObject({ interrupted: false, maxDurationReached: true });
    expect(summary.findings).toEqual([]);
    expect(exitCodeOf(summary)).toBe(0);
  });

  it('sends only GET, HEAD and OPTIONS with --read-only and creates nothing', async () => {
    const methods = new Set<string>();
    const front = await serveWithBug({ before: (seen: Seen) => void methods.add(seen.method) as undefined });
    const { summary } = await collect({ plugins: [APPS_STATELESS], spec: await loadAppsSpec(), target: front.url, seed: 4, runs: 10, readOnly: true });
    expect([...methods].sort()).toEqual(['GET']);
    expect(summary.cleanup).toEqual({ archived: 0, failed: 0 });
    expect(await apps(front.mockUrl)).toEqual([]);
  });

  it('uses --var values for every property of that name', async () => {
    const harness = 'harness_0193a3b5c0de7000800000000000beef';
    const mock = await serveApps();
    await collect({
      plugins: [APPS_STATELESS],
      spec: await loadAppsSpec(),
      target: mock.url,
      seed: 12,
      runs: 15,
      vars: { harness_id: harness },
      operations: ['create_app', 'update_app'],
    });
    const created = await apps(mock.url);
    expect(created.length).toBeGreaterThan(5);
    expect(created.filter((app) => app.harness_id !== harness)).toEqual([]);
  });

  it('replays a shrunk case exactly from its seed and path', async () => {
    const front = await serveWithBug({
      after: (seen, answer) =>
        seen.method === 'GET' && seen.path.includes('/runs') && seen.body.length === 0 && answer.status === 200
          ? { ...answer, status: 299 }
          : answer,
    });
    const spec = await loadAppsSpec();
    const first = await collect({ plugins: [APPS_STATELESS], spec, target: front.url, seed: 21, runs: 20, operations: ['create_app', 'list_app_runs'] });
    const finding = first.summary.findings.find((f) => f.check === 'status_code_conformance' && f.operation === 'list_app_runs');
    expect(finding?.replay).toBeDefined();
    const again = await collect({ plugins: [APPS_STATELESS], spec, target: front.url, seed: finding!.replay!.seed, replay: finding!.replay!.path });
    const replayed = again.summary.findings.find((f) => f.check === 'status_code_conformance' && f.operation === 'list_app_runs');
    expect(replayed?.key).toBe(finding!.key);
    expect(replayed?.evidence[0]?.request.query).toBe(finding!.evidence[0]?.request.query);
  });
});
