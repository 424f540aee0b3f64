/**
 * The stateful checks against the real Apps mock: no false positives, whatever the seed. The mock
 * runs with runDurationMs 0 in one test and a long duration in another, since no comparison may
 * depend on run status.
 */
import { describe, expect, it } from 'vitest';
import { runStatefulChecks } from '../../../src/conformance/stateful/index.js';
import { serveApps } from '../../helpers/serve.js';
import { optionsFor } from './support.js';

const SEEDS = [1, 2, 3, 5, 8, 13, 21, 34, 55, 89];

describe('stateful checks against the mock', () => {
  it(`report nothing for ten seeds (${SEEDS.join(', ')})`, async () => {
    const server = await serveApps({ runDurationMs: 0 });
    let requests = 0;
    for (const seed of SEEDS) {
      const options = await optionsFor(server.url, { seed });
      const result = await runStatefulChecks(options);
      expect(result.findings.map((finding) => `${finding.check}: ${finding.title} | ${finding.expected} | ${finding.received} | ${finding.steps.join(' ; ')}`), `seed ${seed}`).toEqual([]);
      requests += result.requests;
    }
    expect(requests).toBeGreaterThan(SEEDS.length * 15);
  }, 60_000);
});
