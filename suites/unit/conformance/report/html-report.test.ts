import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CoverageTally } from '../../../../src/conformance/findings/coverage.js';
import { FindingBook } from '../../../../src/conformance/findings/finding-book.js';
import { escapeHtml, markup } from '../../../../src/conformance/report/html/escape.js';
import { toHtmlReport } from '../../../../src/conformance/report/html/html-report.js';
import type { RunSummary } from '../../../../src/conformance/run/events.js';
import { apps, exchange } from '../fixture.js';

// A secret with markup characters stands in the page escaped: it must be masked in that form too.
const SECRET = 'tok&en<0123456789>';
const HOSTILE = '</script><script>alert(1)</script><!-- "\'';

async function summary(extra: Record<string, unknown> = {}): Promise<RunSummary> {
  const { spec, op } = await apps();
  const evidence = exchange(op('create_app'), {
    status: 500,
    headers: { 'content-type': 'application/problem+json' },
    text: `${HOSTILE} ${SECRET}`,
  });
  evidence.request.headers.authorization = `Bearer ${SECRET}`;
  const book = new FindingBook();
  const finding = {
    check: 'not_a_server_error',
    severity: 'error' as const,
    title: 'Server error 500',
    expected: 'no 5xx',
    key: 'status:500',
    evidence: [evidence],
  };
  book.record({ ...finding, operation: 'create_app', received: HOSTILE }, { seed: 9, path: 'create_app:positive:0:1' });
  book.record({ ...finding, operation: 'get_app', received: '500' });
  const coverage = new CoverageTally(spec.operations);
  coverage.note(op('create_app'), 'POST', evidence.response);
  return {
    target: 'http://127.0.0.1:1',
    seed: 9,
    checks: [{ check: 'not_a_server_error', passed: 4, failed: 2 }],
    findings: book.all(),
    requests: 6,
    durationMs: 10,
    interrupted: false,
    cleanup: { archived: 0, failed: 0 },
    coverage: coverage.report(),
    secrets: [SECRET],
    ...extra,
  };
}

describe('markup', () => {
  it('escapes every interpolated value unless it was built by markup itself', () => {
    const inner = markup`<b>${'<i>'}</b>`;
    expect(markup`<p title="${'"x"'}">${inner}${['&', 1]}${undefined}${null}${false}</p>`.toString()).toBe(
      '<p title="&quot;x&quot;"><b>&lt;i&gt;</b>&amp;1</p>',
    );
    expect(escapeHtml(`<a href='x'>&</a>`)).toBe('&lt;a href=&#39;x&#39;&gt;&amp;&lt;/a&gt;');
  });
});

describe('toHtmlReport', () => {
  it('keeps a finding that holds </script> as text, with one script element, the one its policy names', async () => {
    const html = toHtmlReport(await summary(), [SECRET]);
    expect(html.match(/<script>/g)).toHaveLength(1);
    expect(html.match(/<\/script>/g)).toHaveLength(1);
    expect(html).toContain('&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;!-- &quot;&#39;');
    const script = /<script>([\s\S]*)<\/script>/.exec(html)![1]!;
    const hash = createHash('sha256').update(script).digest('base64');
    expect(html).toContain(`script-src &#39;sha256-${hash}&#39;`);
    expect(html).toMatch(/default-src &#39;none&#39;/);
  });

  it('masks every secret, as sent and as escaped, in commands and bodies', async () => {
    const html = toHtmlReport(await summary(), [SECRET]);
    expect(html).not.toContain(SECRET);
    expect(html).not.toContain(escapeHtml(SECRET));
    expect(html).toContain('authorization: Bearer ***');
  });

  it('groups one cause met on two operations into one group, with the replay command of the shrunk case', async () => {
    const html = toHtmlReport(await summary(), [], { spec: 'my api.yaml' });
    expect(html.match(/data-test="cause"/g)).toHaveLength(1);
    expect(html).toContain('2 operations · seen 2 times');
    expect(html).toContain(
      'npx everruns-contract conform --target &#39;http://127.0.0.1:1&#39; --spec &#39;my api.yaml&#39; --seed 9 --replay create_app:positive:0:1',
    );
  });

  it('says in the verdict and the coverage section whether --min-coverage was met', async () => {
    const unmet = toHtmlReport(await summary({ findings: [] }), [], { minCoverage: 50 });
    expect(unmet).toMatch(/data-passed="false"/);
    expect(unmet).toMatch(
      /Failed: every check held; coverage [\d.]+% of declared responses answered \(1 of \d+\), 1 of \d+ operations reached: below --min-coverage 50%/,
    );
    expect(unmet).toContain('minimum 50%: not met');
    const met = toHtmlReport(await summary({ findings: [] }), [], { minCoverage: 0 });
    expect(met).toMatch(/data-passed="true"/);
    expect(met).toContain('minimum 0%: met');
  });

  it('lists document warnings and waived findings apart from the findings, and passes on them alone', async () => {
    const plain = toHtmlReport(await summary(), []);
    expect(plain).not.toContain('data-test="document-warnings"');
    expect(plain).not.toContain('data-test="waived"');
    const { op } = await apps();
    const book = new FindingBook();
    const evidence = [exchange(op('get_app'), { status: 400 })];
    const base = { expected: 'e', received: 'r', evidence };
    book.record({
      ...base,
      check: 'status_code_conformance',
      severity: 'warning',
      scope: 'api',
      operation: 'get_app',
      title: 'No status declared for rejecting <input>',
      key: 'no-rejection-status',
    });
    book.bump(
      {
        ...base,
        check: 'status_code_conformance',
        severity: 'warning',
        scope: 'api',
        operation: 'list_apps',
        title: 'x',
        key: 'no-rejection-status',
      },
      { seed: 9, path: 'list_apps:negative:0:3' },
    );
    book.record({
      ...base,
      check: 'links_resolve',
      severity: 'error',
      operation: 'get_app',
      title: 'self_url answered 404',
      key: 'status:404',
    });
    const findings = book.all();
    findings[1]!.waived = { reason: 'ticket 12', expires: '2030-01-01' };
    const html = toHtmlReport(
      await summary({
        findings,
        waivers: [
          { check: 'links_resolve', reason: 'ticket 12', expires: '2030-01-01', state: 'active', matched: 1 },
          { check: 'ignored_auth', reason: 'old', expires: '2020-01-01', state: 'expired', matched: 0 },
        ],
      }),
      [],
    );
    expect(html).toMatch(/data-passed="true"/);
    expect(html).toContain('Passed: every check held; 1 document warning; 1 waived');
    expect(html).toContain('data-test="no-findings"');
    expect(html).toContain('Document warnings (1)');
    expect(html).toContain('No status declared for rejecting &lt;input&gt;');
    expect(html).toMatch(/<p data-test="also-on">list_apps<\/p>/);
    expect(html).toContain('--seed 9 --replay list_apps:negative:0:3');
    expect(html).toMatch(
      /<code>links_resolve<\/code> get_app: self_url answered 404 <span class="muted">\(key status:404\)<\/span> — ticket 12 <span class="muted">\(until 2030-01-01\)<\/span>/,
    );
    expect(html).toMatch(/Expired waiver: <code>ignored_auth<\/code> \(old\) ended on 2020-01-01/);
    const failing = toHtmlReport(await summary({ findings, failOn: 'warning' }), []);
    expect(failing).toMatch(/data-passed="false"/);
    expect(failing).toContain('--fail-on warning fails the gate on them');
    const interrupted = toHtmlReport(await summary({ findings: [], interrupted: true }), []);
    expect(interrupted).toMatch(/data-passed="false"/);
    expect(interrupted).toContain('interrupted, not passed');
  });
});
