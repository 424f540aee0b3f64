/**
 * The stateful checks against the real Apps mock: no false positives, whatever the seed, whatever
 * the run duration (no comparison may depend on run status), with or without an API key.
 */
import { describe, expect, it } from 'vitest';
import { APPS_SEQUENCES } from '../../../src/conformance/apps/index.js';
import { runStatefulChecks, type StatefulFinding } from '../../../src/conformance/stateful/index.js';
import { serveApps } from '../../helpers/serve.js';
import { optionsFor } from './support.js';

const SEEDS = [1, 2, 3, 5, 8, 13, 21, 34, 55, 89];

const describeFindings = (findings: readonly StatefulFinding[]) =>
  findings.map((finding) => `${finding.check}: ${finding.title} | expected ${finding.expected} | received ${finding.received} | ${finding.steps.join(' ; ')}`);

describe('stateful checks against the mock', () => {
  it(`report nothing for ten seeds (${SEEDS.join(', ')}), runs completing at once`, async () => {
    const server = await serveApps({ runDurationMs: 0 });
    let requests = 0;
    for (const seed of SEEDS) {
      const options = await optionsFor(server.url, { seed });
      const result = await runStatefulChecks(APPS_SEQUENCES, options);
      expect(describeFindings(result.findings), `seed ${seed}`).toEqual([]);
      expect(options.created.length, `seed ${seed}`).toBeGreaterThan(0);
      for (const path of options.created) expect(path).toMatch(/^\/v1\/apps\/app_[0-9a-f]{32}$/);
      requests += result.requests;
    }
    expect(requests).toBeGreaterThan(SEEDS.length * 100);
  }, 60_000);

  it('report nothing while runs stay running and some fail (seeds 4, 6)', async () => {
    const server = await serveApps({ runDurationMs: 3_600_000, runFailureRate: 0.5 });
    for (const seed of [4, 6]) {
      const result = await runStatefulChecks(APPS_SEQUENCES, await optionsFor(server.url, { seed }));
      expect(describeFindings(result.findings), `seed ${seed}`).toEqual([]);
    }
  }, 30_000);

  it('send the API key on management calls only, and report nothing (seed 9)', async () => {
    const server = await serveApps({ runDurationMs: 0, apiKey: 'stateful-test-key' });
    const options = await optionsFor(server.url, { seed: 9, headers: { Authorization: 'Bearer stateful-test-key' } });
    const result = await runStatefulChecks(APPS_SEQUENCES, options);
    expect(describeFindings(result.findings)).toEqual([]);
    expect(options.created.length).toBeGreaterThan(0);
  }, 30_000);

  it('send nothing when no stateful check is enabled or the run is already aborted', async () => {
    const server = await serveApps({ runDurationMs: 0 });
    const none = await runStatefulChecks(APPS_SEQUENCES, await optionsFor(server.url, { checks: new Set(['not_a_server_error']) }));
    expect(none).toEqual({ findings: [], requests: 0 });
    const aborted = await runStatefulChecks(APPS_SEQUENCES, await optionsFor(server.url, { signal: AbortSignal.abort() }));
    expect(aborted).toEqual({ findings: [], requests: 0 });
  });

  it('stop and say why when the target cannot be reached', async () => {
    const result = await runStatefulChecks(APPS_SEQUENCES, await optionsFor('http://127.0.0.1:1', { numRuns: 3 }));
    expect(result.findings).toEqual([]);
    expect(result.requests).toBe(0);
    expect(result.transportError).toMatch(/refused|error/);
  });
});
