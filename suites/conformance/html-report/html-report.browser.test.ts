import { describe, expect, it } from 'vitest';
import { toHtmlReport, type ReportedFinding, type RunSummary } from '../../../src/conformance/index.js';
import { loadAppsSpec } from '../../helpers/serve.js';
import { APPS_STATELESS, collect } from '../collect.js';
import { serveWithBug } from '../targets/front.js';
import { PLANTED, reportReader } from './look.js';

/**
 * The HTML report as a person reads it: headless Chromium opens the report of a run against a
 * planted bug and looks for the finding, its reproduction and the coverage matrix. Each is also
 * looked for in a report without it, where it must not be found: the test can fail.
 */

const SEED = 7;

const reader = reportReader();
let planted: Promise<RunSummary> | undefined;

/** One run against the planted bug, shared by the tests of this file (its servers close with the first test; the summary is data). */
function plantedRun(): Promise<RunSummary> {
  planted ??= (async () => {
    const front = await serveWithBug(PLANTED.bug());
    const spec = await loadAppsSpec();
    return (await collect({ plugins: [APPS_STATELESS], spec, target: front.url, runs: 10, seed: SEED, timeoutMs: 2000 })).summary;
  })();
  return planted;
}

const isPlanted = (finding: ReportedFinding) => finding.check === PLANTED.check && finding.operation === 'create_app';

describe('the HTML report in headless Chromium', () => {
  it('shows the failed verdict, the planted finding with its curl reproduction, and the coverage matrix, fetching nothing', async () => {
    const summary = await plantedRun();
    const file = reader.write('planted.html', toHtmlReport(summary, []));
    const seen = await reader.look(file, process.env.EVERRUNS_REPORT_SCREENSHOT);
    expect(seen).toEqual({ failed: true, finding: true, reproduction: true, coverage: true, scripted: true, fetched: [], errors: [] });
  });

  it('finds neither the finding nor its reproduction in a report of the same run without it', async () => {
    const summary = await plantedRun();
    const without = { ...summary, findings: summary.findings.filter((finding) => !isPlanted(finding)) };
    const seen = await reader.look(reader.write('without-finding.html', toHtmlReport(without, [])));
    expect(seen).toMatchObject({ finding: false, reproduction: false, coverage: true });
  });

  it('finds the finding but no reproduction when the finding carries no evidence', async () => {
    const summary = await plantedRun();
    const bare = { ...summary, findings: summary.findings.map((finding) => (isPlanted(finding) ? { ...finding, evidence: [] } : finding)) };
    const seen = await reader.look(reader.write('without-evidence.html', toHtmlReport(bare, [])));
    expect(seen).toMatchObject({ finding: true, reproduction: false });
  });

  it('finds no coverage when the matrix section is cut out of the page', async () => {
    const summary = await plantedRun();
    const html = toHtmlReport(summary, []);
    const cut = html.replace(/<section id="coverage"[\s\S]*?<\/section>/, '');
    expect(cut.length).toBeLessThan(html.length);
    const seen = await reader.look(reader.write('without-matrix.html', cut));
    expect(seen).toMatchObject({ finding: true, reproduction: true, coverage: false });
  });

  it('runs no script but its own: a body holding </script> and an inline handler stays text', async () => {
    const summary = await plantedRun();
    const hostile = '</script><script>document.title="owned"</script><img src=x onerror="document.title=\'owned\'">';
    const findings = summary.findings.map((finding) =>
      isPlanted(finding)
        ? {
            ...finding,
            title: hostile,
            evidence: finding.evidence.map((exchange) => ({ ...exchange, response: { ...exchange.response, body: Buffer.from(hostile) } })),
          }
        : finding,
    );
    const file = reader.write('hostile.html', toHtmlReport({ ...summary, findings }, []));
    const seen = await reader.look(file);
    expect(seen).toMatchObject({ failed: true, reproduction: true, scripted: true, fetched: [] });
    const page = await reader.context.newPage();
    try {
      await page.goto(`file://${file}`);
      expect(await page.title()).not.toBe('owned');
      expect(await page.locator(`[data-test=cause][data-check=${PLANTED.check}] h3`).textContent()).toContain(hostile);
      expect(
        await page.locator('[data-test=finding][data-operation=create_app] [data-test=reproduction] details pre').first().textContent(),
      ).toContain(hostile);
      expect(await page.locator('img').count()).toBe(0);
    } finally {
      await page.close();
    }
  });

  it('runs no script the policy does not name: a page whose script was changed shows no copy buttons', async () => {
    const html = toHtmlReport(await plantedRun(), []);
    const changed = html.replace("classList.add('js');", "classList.add('js'); ");
    expect(changed).not.toBe(html);
    const seen = await reader.look(reader.write('changed-script.html', changed));
    expect(seen).toMatchObject({ finding: true, scripted: false });
    expect(seen.errors.join('\n')).toMatch(/Content Security Policy/);
  });

  it('hides the operations without gaps when asked to, and only those', async () => {
    const summary = await plantedRun();
    // get_app made complete: every declared response answered, nothing undeclared.
    const matrix = summary.coverage.matrix.map((row) =>
      row.operation === 'get_app' ? { ...row, cells: row.cells.map((cell) => ({ ...cell, mark: 'exercised' as const, answers: 1 })) } : row,
    );
    const file = reader.write('filter.html', toHtmlReport({ ...summary, coverage: { ...summary.coverage, matrix } }, []));
    const page = await reader.context.newPage();
    try {
      await page.goto(`file://${file}`);
      const row = (operation: string) => page.locator(`[data-test=coverage-row][data-operation=${operation}]`);
      expect([await row('get_app').isVisible(), await row('create_app').isVisible()]).toEqual([true, true]);
      await page.locator('#only-gaps').check();
      expect([await row('get_app').isVisible(), await row('create_app').isVisible()]).toEqual([false, true]);
    } finally {
      await page.close();
    }
  });
});
