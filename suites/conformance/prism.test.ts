/**
 * Prism answers from examples without state: every answer still has the declared shape, so the
 * stateless schema checks hold there, while the stateful sequences (suites/conformance/stateful)
 * report findings. Prism runs in its own process group, killed when the test ends.
 */
import { describe, expect, it } from 'vitest';
import { loadAppsSpec } from '../helpers/serve.js';
import { APPS_STATELESS, collect, firedChecks } from './collect.js';
import { startPrism } from '../helpers/prism.js';

const SEED = 13;

describe(`the schema checks against Prism's stateless mock (seed ${SEED})`, () => {
  it('hold, except where Prism answers malformed JSON in its own error shape', async () => {
    const target = (await startPrism()).url;
    const { summary } = await collect({
      plugins: [APPS_STATELESS],
      spec: await loadAppsSpec(),
      target,
      seed: SEED,
      runs: 10,
      checks: [
        'not_a_server_error',
        'status_code_conformance',
        'content_type_conformance',
        'response_schema_conformance',
        'problem_json_conformance',
      ],
    });
    expect(summary.requests).toBeGreaterThan(100);
    // The answers' shapes hold: statuses declared, bodies valid, no server error.
    const shapes = summary.findings.filter((f) =>
      ['not_a_server_error', 'status_code_conformance', 'response_schema_conformance'].includes(f.check),
    );
    expect(shapes).toEqual([]);
    // Prism's one deviation: malformed JSON gets its own `{"error": …}` as application/json, not problem+json.
    for (const finding of summary.findings) {
      expect(finding.evidence[0]!.generatedAs).toMatchObject({ kind: 'negative', keyword: 'json' });
      expect(finding.evidence[0]!.response.body.toString()).toContain('invalid_json');
    }
    expect(firedChecks(summary).every((check) => ['content_type_conformance', 'problem_json_conformance'].includes(check))).toBe(true);
  }, 90_000);
});
