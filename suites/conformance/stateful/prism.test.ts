/**
 * Against Prism's stateless mock every answer is an example, not a consequence of earlier
 * requests, so the stateful checks must report findings (what was written does not read back).
 * Prism runs in its own process group, killed when the test ends.
 */
import { describe, expect, it } from 'vitest';
import { APPS_SEQUENCES, APPS_STATEFUL_CHECKS } from '../../../src/conformance/apps/index.js';
import { runStatefulChecks } from '../../../src/conformance/stateful/index.js';
import { optionsFor } from './support.js';
import { startPrism } from '../../helpers/prism.js';

const SEED = 11;

describe(`stateful checks against Prism's stateless mock (seed ${SEED})`, () => {
  it('report findings, each under a stateful check, read_your_writes among them', async () => {
    const target = (await startPrism()).url;
    const options = await optionsFor(target, { seed: SEED, numRuns: 10 });
    const { findings, requests } = await runStatefulChecks(APPS_SEQUENCES, options);
    const names = APPS_STATEFUL_CHECKS.map((check) => check.name as string);
    expect(requests).toBeGreaterThan(0);
    expect(findings.length).toBeGreaterThan(0);
    for (const finding of findings) {
      expect(names).toContain(finding.check);
      expect(finding.evidence.length).toBeGreaterThan(0);
    }
    // One finding per rule: each round stops enforcing the rules already reported.
    expect(new Set(findings.map((finding) => finding.check)).size).toBe(findings.length);
    expect(findings.map((finding) => finding.check)).toContain('read_your_writes');
  }, 90_000);
});
