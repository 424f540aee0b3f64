/**
 * The generic stateful checks against planted bugs in generic resources: each front over the real
 * mock of the widgets document breaks one property, the sequences must report it under exactly the
 * check named for it (every finding of the run, after shrinking), and the finding's evidence, sent
 * again to a fresh buggy target, must show the same mismatch (the reproduction reproduces).
 */
import { describe, expect, it } from 'vitest';
import { replayEvidence, runStatefulChecks, type StatefulFinding } from '../../../src/conformance/stateful/index.js';
import { inlineSpec } from '../../helpers/inline-spec.js';
import { sendOverHttp } from '../stateful/support.js';
import { RESOURCE_BUGS } from './resource-bugs.js';
import { serveDocument } from '../../helpers/serve.js';
import { RESOURCES, resourceOptions, serveBuggy } from './support.js';
import { WIDGETS_DOCUMENT } from './widgets.js';

const SEED = Number(process.env.CONFORM_SEED ?? 3);

const describeFindings = (findings: readonly StatefulFinding[]) =>
  findings.map((finding) => `${finding.check}: ${finding.title} | expected ${finding.expected} | received ${finding.received} | ${finding.steps.join(' ; ')}`);

describe(`the generic stateful checks against planted bugs (seed ${SEED})`, () => {
  for (const [check, bug] of Object.entries(RESOURCE_BUGS)) {
    it(`${check} alone reports its planted bug, and the evidence replays`, async () => {
      const spec = await inlineSpec(WIDGETS_DOCUMENT);
      const options = await resourceOptions(spec, await serveBuggy(spec, bug()), { seed: SEED, numRuns: 100 });
      const { findings } = await runStatefulChecks(RESOURCES, options);
      expect(findings.length, describeFindings(findings).join('\n')).toBeGreaterThan(0);
      expect(findings.map((finding) => finding.check), describeFindings(findings).join('\n')).toEqual(findings.map(() => check));
      const [first] = findings;
      expect(first!.replay.path).toMatch(/^resources@0@-@/);
      const replayed = await replayEvidence(RESOURCES, {
        target: await serveBuggy(spec, bug()),
        spec,
        validator: options.validator,
        send: sendOverHttp,
        evidence: first!.evidence,
      });
      expect(replayed.mismatches[0], describeFindings([first!]).join('\n')).toMatchObject({ check, key: first!.key });
    }, 60_000);
  }

  it('replays the exact shrunk case from its seed and path (use_after_free)', async () => {
    const spec = await inlineSpec(WIDGETS_DOCUMENT);
    const [finding] = (await runStatefulChecks(RESOURCES, await resourceOptions(spec, await serveBuggy(spec, RESOURCE_BUGS.use_after_free()), { seed: SEED, numRuns: 100 }))).findings;
    expect(finding).toBeDefined();
    const again = await runStatefulChecks(
      RESOURCES,
      await resourceOptions(spec, await serveBuggy(spec, RESOURCE_BUGS.use_after_free()), { seed: finding!.replay.seed, replay: finding!.replay.path, numRuns: 100 }),
    );
    expect(again.findings).toHaveLength(1);
    expect(again.findings[0]).toMatchObject({ check: finding!.check, key: finding!.key });
    // A list walk takes as many pages as the target holds items for: a fresh target may take fewer.
    const walked = (steps: readonly string[]) => [...new Set(steps.map((step) => step.replace(/ \(page \d+\)$/, '')))];
    expect(walked(again.findings[0]!.steps)).toEqual(walked(finding!.steps));
  }, 60_000);

  it('report nothing against the mock itself, at five seeds, and name every item they created for the clean-up', async () => {
    const spec = await inlineSpec(WIDGETS_DOCUMENT);
    const target = (await serveDocument(spec)).url;
    for (const seed of [1, 2, 3, 4, 5]) {
      const options = await resourceOptions(spec, target, { seed, numRuns: 60 });
      const result = await runStatefulChecks(RESOURCES, options);
      expect(describeFindings(result.findings), `seed ${seed}`).toEqual([]);
      expect(result.requests, `seed ${seed}`).toBeGreaterThan(100);
      expect(options.created.length, `seed ${seed}`).toBeGreaterThan(0);
      for (const path of options.created) expect(path).toMatch(/^\/widgets\/[0-9a-f-]{36}(\/parts\/[0-9a-f-]{36})?$/);
    }
  }, 60_000);
});
