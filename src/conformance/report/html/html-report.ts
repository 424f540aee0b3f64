import { TOOL, maskSecrets } from '../../../core/index.js';
import type { RunSummary } from '../../run/events.js';
import { coverageVerdict } from '../coverage-gate.js';
import { coverageSection } from './coverage-section.js';
import { escapeHtml, markup } from './escape.js';
import { BlockIds, rerunCommand } from './finding-details.js';
import { findingsSection } from './findings-section.js';
import { page } from './page.js';
import { extraSections } from './summary-extras.js';
import { overviewSection, verdictHeader } from './verdict.js';

export interface HtmlReportOptions {
  /** `--min-coverage`, in percent: the verdict and the coverage section say whether it was met. */
  minCoverage?: number;
  /** The `--spec` the run was given, for the replay commands (none: the bundled document). */
  spec?: string;
}

/**
 * One self-contained HTML page for a run: the verdict, each check's counts, the findings grouped by
 * cause with their reproductions, and the coverage matrix. Nothing is fetched; secrets are masked.
 */
export function toHtmlReport(summary: RunSummary, secrets: readonly string[], options: HtmlReportOptions = {}): string {
  const gate = coverageVerdict(summary.coverage, options.minCoverage);
  const context = { ids: new BlockIds(), rerun: rerunCommand(summary.target, options.spec), secrets };
  const document = page(
    `${TOOL.name} conform: ${summary.target}`,
    verdictHeader(summary, gate),
    [
      overviewSection(summary, gate),
      findingsSection(summary.findings, context),
      ...extraSections(summary),
      coverageSection(summary.coverage, gate),
    ],
    markup`${TOOL.name} ${TOOL.version} · every secret the run sent is shown as ***`,
  );
  // A secret may stand in the page as sent or with its markup characters escaped.
  return maskSecrets(document, [...secrets, ...secrets.map(escapeHtml)]);
}
