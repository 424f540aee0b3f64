import { describe, expect, it } from 'vitest';
import { CoverageTally } from '../../../../src/conformance/findings/coverage.js';
import { FindingBook } from '../../../../src/conformance/findings/finding-book.js';
import { toCurl } from '../../../../src/conformance/report/curl.js';
import { toJsonReport } from '../../../../src/conformance/report/json.js';
import { toJUnit } from '../../../../src/conformance/report/junit.js';
import { exitCodeOf } from '../../../../src/conformance/report/exit-code.js';
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

describe('reports: document warnings and waived findings apart', () => {
  async function mixed(failOn: 'error' | 'warning' = 'error'): Promise<RunSummary> {
    const { op, spec } = await apps();
    const book = new FindingBook();
    const base = { operation: 'get_app', expected: 'e', received: 'r', evidence: [exchange(op('get_app'), { status: 400 })] };
    book.record(
      {
        ...base,
        check: 'status_code_conformance',
        severity: 'warning',
        scope: 'api',
        title: 'No status declared for rejecting invalid input',
        key: 'no-rejection-status',
      },
      { seed: 4, path: 'get_app:negative:0:1' },
    );
    book.bump({
      ...base,
      check: 'status_code_conformance',
      severity: 'warning',
      scope: 'api',
      title: 'x',
      key: 'no-rejection-status',
      operation: 'list_apps',
    });
    book.record({ ...base, check: 'links_resolve', severity: 'error', title: 'self_url answered 404', key: 'status:404' });
    const findings = book.all();
    findings[1]!.waived = { reason: 'known (PLAT-9)', expires: '2999-01-01' };
    return {
      target: 'http://127.0.0.1:1',
      seed: 4,
      checks: [
        { check: 'status_code_conformance', passed: 3, failed: 0, warned: 2 },
        { check: 'links_resolve', passed: 4, failed: 1 },
      ],
      findings,
      requests: 5,
      durationMs: 10,
      interrupted: false,
      failOn,
      waivers: [
        { check: 'links_resolve', reason: 'known (PLAT-9)', expires: '2999-01-01', state: 'active', matched: 1 },
        { check: 'ignored_auth', reason: 'old', expires: '2020-01-01', state: 'expired', matched: 0 },
      ],
      cleanup: { archived: 0, failed: 0 },
      coverage: new CoverageTally(spec.operations).report(),
      secrets: [],
    };
  }

  it('text: the warnings listed once with their operations, the waived, the expired waiver, a warned column, a verdict that counts them', async () => {
    const text = renderSummary(await mixed(), []);
    expect(text).toMatch(
      /Document warnings \(1\): the document, not the target, is the cause; they fail the gate only with --fail-on warning/,
    );
    expect(text).toContain(
      'W1. [status_code_conformance] get_app: No status declared for rejecting invalid input (seen 2 times on 2 operations)',
    );
    expect(text).toContain('   also on: list_apps');
    expect(text).toContain('Waived (1): accepted by --waivers, not failing the gate');
    expect(text).toContain('expired waiver: [ignored_auth] (old) ended on 2020-01-01; what it accepted fails again');
    expect(text).toMatch(/status_code_conformance\s+3\s+0\s+2/);
    expect(text).toMatch(/^passed with 1 document warning, 1 waived: 5 requests/m);
    expect(exitCodeOf(await mixed())).toBe(0);
    expect(exitCodeOf(await mixed('warning'))).toBe(1);
  });

  it('JSON and JUnit: failing findings, document warnings and waived ones in lists and suites of their own', async () => {
    const report = JSON.parse(toJsonReport(await mixed(), []));
    expect(report).toMatchObject({ passed: true, failOn: 'error', findings: [], counts: { findings: 0, documentWarnings: 1, waived: 1 } });
    expect(report.documentWarnings[0]).toMatchObject({
      key: 'no-rejection-status',
      operations: ['get_app', 'list_apps'],
      replay: { path: 'get_app:negative:0:1' },
    });
    expect(report.waived[0]).toMatchObject({ key: 'status:404', waived: { reason: 'known (PLAT-9)' } });
    const xml = toJUnit(await mixed(), ['get_app', 'list_apps'], []);
    expect(xml).toContain('<testsuite name="document warnings" tests="1" failures="0" errors="0" skipped="1">');
    expect(xml).toMatch(
      /<testcase classname="links_resolve" name="get_app">\s*<skipped message="waived: known \(PLAT-9\) \(until 2999-01-01\)"\/>/,
    );
    const failing = toJUnit(await mixed('warning'), ['get_app', 'list_apps'], []);
    expect(failing).toContain('<testsuite name="document warnings" tests="1" failures="1" errors="0" skipped="0">');
  });
});
