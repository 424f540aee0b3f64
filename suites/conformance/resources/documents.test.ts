/**
 * The runner's stateful checks, the Apps sequences and the generic ones side by side as `conform`
 * wires them, against the mock of real documents at three seeds: nothing to report, everything the
 * sequences created cleaned up; a --read-only run skips them all.
 */
import { describe, expect, it } from 'vitest';
import { APPS_PLUGIN, STATEFUL_CHECKS, resourcesPlugin } from '../../../src/conformance/index.js';
import type { LoadedSpec } from '../../../src/openapi/index.js';
import { PLATFORM_DOCUMENT, serveDocument } from '../../helpers/serve.js';
import { DOCUMENTS, loadDocument } from '../../mock/resources/serve.js';
import { collect } from '../collect.js';

const PLUGINS = [APPS_PLUGIN, resourcesPlugin([APPS_PLUGIN])];
const GENERIC = STATEFUL_CHECKS.map((check) => check.name);
const WITH_APPS = [...new Set([...GENERIC, ...(APPS_PLUGIN.phases ?? []).flatMap((phase) => phase.checks)])];
const SEEDS = [1, 2, 3];

async function statefulRun(spec: LoadedSpec, target: string, seed: number, checks: readonly string[], headers: Record<string, string> = {}) {
  // Only the stateful checks: the stateless ones (and the document's own gaps they report) are other suites'.
  const { summary, events } = await collect({ spec, target, seed, runs: 40, checks, plugins: PLUGINS, headers });
  const findings = summary.findings.map((finding) => `${finding.check} ${finding.operation}: ${finding.title} | ${finding.expected} | ${finding.received}`);
  return { summary, events, findings };
}

describe('the stateful checks against the mock of real documents', () => {
  it("report nothing on the platform's document at three seeds (Apps sequences and generic ones), and clean up", async () => {
    const spec = await loadDocument(PLATFORM_DOCUMENT);
    const server = await serveDocument(spec, { runDurationMs: 0 });
    for (const seed of SEEDS) {
      const { summary, findings } = await statefulRun(spec, server.url, seed, WITH_APPS);
      expect(findings, `seed ${seed}`).toEqual([]);
      // Both sources hold read_your_writes: the one name counts both.
      expect(summary.checks.find((row) => row.check === 'read_your_writes')).toMatchObject({ passed: 2, failed: 0 });
      expect(summary.requests, `seed ${seed}`).toBeGreaterThan(300);
      expect(summary.cleanup, `seed ${seed}`).toMatchObject({ failed: 0 });
      expect(summary.cleanup.archived, `seed ${seed}`).toBeGreaterThan(50);
    }
  }, 180_000);

  it('report nothing on petstore (3.0, the mock without security) and train-travel (3.1, with a bearer token)', async () => {
    for (const [document, headers, security] of [
      [DOCUMENTS.petstore, {}, false],
      [DOCUMENTS.trainTravel, { authorization: 'Bearer conform-test' }, true],
    ] as const) {
      const spec = await loadDocument(document);
      const server = await serveDocument(spec, {}, { security });
      for (const seed of SEEDS) {
        const { summary, findings } = await statefulRun(spec, server.url, seed, GENERIC, headers);
        expect(findings, `${document} seed ${seed}`).toEqual([]);
        expect(summary.cleanup.failed, `${document} seed ${seed}`).toBe(0);
        expect(summary.cleanup.archived, `${document} seed ${seed}`).toBeGreaterThan(0);
      }
    }
  }, 120_000);

  it("skip every stateful check on GitHub's document with --read-only, saying so", async () => {
    const spec = await loadDocument(DOCUMENTS.github);
    const server = await serveDocument(spec);
    const { summary, events } = await collect({ spec, target: server.url, seed: 1, runs: 2, checks: GENERIC, plugins: PLUGINS, readOnly: true });
    expect(summary.findings).toEqual([]);
    expect(summary.cleanup).toEqual({ archived: 0, failed: 0 });
    const warned = events.filter((event) => event.type === 'run-warned').map((event) => (event as { message: string }).message);
    expect(warned.some((message) => message.includes('--read-only: skipping the state-changing checks') && message.includes('use_after_free'))).toBe(true);
  }, 120_000);

  it("follow every self link of the platform's document to the resource it names (links_resolve, seed 1)", async () => {
    const spec = await loadDocument(PLATFORM_DOCUMENT);
    const server = await serveDocument(spec, { runDurationMs: 0 });
    const { summary } = await collect({ spec, target: server.url, seed: 1, runs: 3, checks: ['links_resolve'], plugins: PLUGINS });
    expect(summary.findings.map((finding) => `${finding.operation}: ${finding.title} | ${finding.received}`)).toEqual([]);
    // It saw and followed links: the agents imported, the declarative capabilities, the models.
    expect(summary.checks.find((row) => row.check === 'links_resolve')!.passed).toBeGreaterThan(1000);
  }, 120_000);
});
