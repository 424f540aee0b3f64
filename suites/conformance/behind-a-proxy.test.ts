/**
 * A plain forwarding proxy in front of the mock (the client's Host passed on, no --base-url): the
 * mock builds its links from the request, so the whole run, stateful sequences included, reports
 * nothing; and each planted bug behind the same proxy — a link, the order of runs, their count —
 * is exactly one finding.
 */
import { describe, expect, it } from 'vitest';
import { APPS_PLUGIN, type RunSummary } from '../../src/conformance/index.js';
import { loadAppsSpec } from '../helpers/serve.js';
import { collect } from './collect.js';
import { STATEFUL_BUGS } from './stateful/stateful-bugs.js';
import { selfUrlElsewhere } from './targets/catalogue.js';
import { serveWithBug, type Bug } from './targets/front.js';

const SEED = 17;

/** A whole run (every check, the stateful sequences too) through the proxy; `operations` narrows the stateless generation. */
async function throughProxy(bug: Bug, operations?: string[]): Promise<RunSummary> {
  const proxy = await serveWithBug(bug, { runDurationMs: 0 }, { plainProxy: true });
  const options = { plugins: [APPS_PLUGIN], spec: await loadAppsSpec(), target: proxy.url, seed: SEED, runs: 10 };
  return (await collect({ ...options, ...(operations ? { operations } : {}) })).summary;
}

const describeFindings = (summary: RunSummary) =>
  summary.findings.map((f) => `${f.check} ${f.operation} ${f.key}: ${f.title} / ${f.received}`);

describe(`conform through a plain forwarding proxy (seed ${SEED})`, () => {
  it('reports nothing: the links the mock builds lead back through the proxy', async () => {
    const summary = await throughProxy({});
    expect(describeFindings(summary)).toEqual([]);
    expect(summary.checks.find((totals) => totals.check === 'links_resolve')!.passed).toBeGreaterThan(0);
  }, 30_000);

  // The stateless generation keeps to the operations each bug shows on; every check still runs.
  for (const [name, bug, check, operations] of [
    ['a self_url naming another app', selfUrlElsewhere, 'links_resolve', ['create_app', 'get_app', 'update_app', 'list_apps']],
    ['runs listed oldest first', STATEFUL_BUGS['runs-oldest-first'], 'runs_recorded', ['list_app_runs']],
    ['a run missing from the listing', STATEFUL_BUGS['runs-miscounted'], 'runs_recorded', ['list_app_runs']],
  ] as const) {
    it(`reports ${name} as exactly one finding, under ${check}`, async () => {
      const summary = await throughProxy(bug(), [...operations]);
      expect(describeFindings(summary)).toHaveLength(1);
      expect(summary.findings[0]).toMatchObject({ check, severity: 'error' });
      expect(summary.findings[0]!.replay).toBeDefined();
    }, 30_000);
  }
});
