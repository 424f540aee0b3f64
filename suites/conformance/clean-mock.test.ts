import { describe, expect, it } from 'vitest';
import { loadAppsSpec, serveApps } from '../helpers/serve.js';
import { APPS_STATELESS, collect } from './collect.js';

const SEEDS = [11, 23, 37, 41, 59, 61, 73, 89, 97, 101];

describe('the clean mock', () => {
  it('gives no finding with the default settings (seed 1, 100 runs per operation and kind)', async () => {
    const mock = await serveApps();
    const { summary } = await collect({ plugins: [APPS_STATELESS], spec: await loadAppsSpec(), target: mock.url, seed: 1 });
    expect(summary.findings.map((f) => `${f.check} ${f.operation}: ${f.title} / ${f.received}`)).toEqual([]);
    expect(summary.requests).toBeGreaterThan(1000);
    // Every check saw every exchange.
    for (const totals of summary.checks) expect(totals.passed).toBe(summary.checks[0]!.passed);
    expect(summary.cleanup.failed).toBe(0);
    expect(summary.cleanup.archived).toBeGreaterThan(0);
  });

  for (const seed of SEEDS) {
    it(`gives no finding with seed ${seed}`, async () => {
      const mock = await serveApps();
      const { summary } = await collect({ plugins: [APPS_STATELESS], spec: await loadAppsSpec(), target: mock.url, seed, runs: 15 });
      expect(summary.findings.map((f) => `${f.check} ${f.operation}: ${f.title} / ${f.received}`)).toEqual([]);
    });
  }

  it('gives no finding when the mock demands the API key the runner holds (ignored_auth probes pass)', async () => {
    const mock = await serveApps({ apiKey: 'mock-key-0123456789' });
    const { summary } = await collect({ plugins: [APPS_STATELESS], spec: await loadAppsSpec(), target: mock.url, seed: 5, runs: 10, apiKey: 'mock-key-0123456789' });
    expect(summary.findings.map((f) => `${f.check} ${f.operation}: ${f.title}`)).toEqual([]);
    expect(summary.checks.find((c) => c.check === 'ignored_auth')!.passed).toBeGreaterThan(0);
  });
});
