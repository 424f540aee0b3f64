import { describe, expect, it } from 'vitest';
import { CoverageTally } from '../../../../src/conformance/findings/coverage.js';
import { FindingBook } from '../../../../src/conformance/findings/finding-book.js';
import { toCurl } from '../../../../src/conformance/report/curl.js';
import { toJsonReport } from '../../../../src/conformance/report/json.js';
import { toJUnit } from '../../../../src/conformance/report/junit.js';
import { renderSummary } from '../../../../src/conformance/report/text.js';
import type { RunSummary } from '../../../../src/conformance/run/events.js';
import { apps, exchange, problem } from '../fixture.js';

const SECRET = 'sekrit-key-123';

async function summaryWithFinding(): Promise<RunSummary> {
  const { spec, op } = await apps();
  const evidence = exchange(op('get_app'), { status: 404, json: problem(404) });
  const book = new FindingBook();
  const finding = {
    check: 'problem_json_conformance',
    severity: 'error' as const,
    operation: 'get_app',
    title: 'Error is not application/problem+json',
    expected: 'problem+json',
    received: 'application/json <&>',
    key: 'media',
    evidence: [evidence],
  };
  book.record(finding, { seed: 4, path: 'get_app:positive:0:2:1' });
  book.record(finding);
  return {
    target: 'http://127.0.0.1:1',
    seed: 4,
    checks: [
      { check: 'problem_json_conformance', passed: 3, failed: 2 },
      { check: 'links_resolve', passed: 5, failed: 0 },
    ],
    findings: book.all(),
    requests: 5,
    durationMs: 1234,
    interrupted: false,
    cleanup: { archived: 1, failed: 0 },
    coverage: new CoverageTally(spec.operations).report(),
    secrets: [SECRET],
  };
}

describe('reports', () => {
  it('prints a curl command that masks credentials and quotes for the shell', async () => {
    const { op } = await apps();
    const request = { ...exchange(op('create_app'), { status: 201 }).request, body: Buffer.from(`{"name":"it's"}`) };
    const curl = toCurl(request, [SECRET]);
    expect(curl).toBe(
      `curl -sS -i -X POST 'http://127.0.0.1:1/v1/apps' -H 'authorization: Bearer ***' --data-binary '{"name":"it'\\''s"}'`,
    );
  });

  it('renders the finding with expected/received, a numbered reproduction and the replay, then the table', async () => {
    const text = renderSummary(await summaryWithFinding(), [SECRET]);
    expect(text).toContain('1. [problem_json_conformance] get_app: Error is not application/problem+json (seen 2 times)');
    expect(text).toContain('   expected: problem+json');
    expect(text).toMatch(/ {5}1\. curl -sS -i 'http:\/\/127\.0\.0\.1:1\/v1\/apps\/\{app_id\}' -H 'authorization: Bearer \*\*\*'/);
    expect(text).toContain('replay: --seed 4 --replay get_app:positive:0:2:1');
    expect(text).toMatch(/problem_json_conformance\s+3\s+2/);
    expect(text).not.toContain(SECRET);
  });

  it('writes JUnit with one suite per check and one case per operation', async () => {
    const xml = toJUnit(await summaryWithFinding(), ['get_app', 'list_apps'], [SECRET]);
    expect(xml).toContain('<testsuite name="problem_json_conformance" tests="2" failures="1"');
    expect(xml).toContain('<testsuite name="links_resolve" tests="2" failures="0"');
    expect(xml).toContain('<testcase classname="problem_json_conformance" name="list_apps"/>');
    expect(xml).toContain('application/json &lt;&amp;&gt;');
    expect(xml).not.toContain(SECRET);
  });

  it('writes a JSON report with the reproduction and no secret', async () => {
    const text = toJsonReport(await summaryWithFinding(), [SECRET]);
    const report = JSON.parse(text);
    expect(report.passed).toBe(false);
    expect(report.findings[0]).toMatchObject({
      check: 'problem_json_conformance',
      count: 2,
      replay: { seed: 4, path: 'get_app:positive:0:2:1' },
    });
    expect(report.findings[0].reproduction[0].request.headers.authorization).toBe('Bearer ***');
    expect(text).not.toContain(SECRET);
  });
});
