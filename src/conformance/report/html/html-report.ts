import { TOOL, maskSecrets } from '../../../core/index.js';
import type { RunSummary } from '../../run/events.js';
import { coverageVerdict } from '../coverage-gate.js';
import { coverageSection } from './coverage-section.js';
import { escapeHtml, markup } from './escape.js';
import { BlockIds, rerunCommand } from './finding-details.js';
import { gateOf } from '../gate.js';
import { findingsSection } from './findings-section.js';
import { documentWarningsSection, waivedSection } from './gate-sections.js';
import { page } from './page.js';
import { overviewSection, verdictHeader } from './verdict.js';

export interface HtmlReportOptions {
  /** `--min-coverage`, in percent: the verdict and the coverage section say whether it was met. */
  minCoverage?: number;
  /** The `--spec` the run was given, for the replay commands (none: the bundled document). */
  spec?: string;
}

/**
 * One self-contained HTML page for a run: the verdict, each check's counts, the findings that fail
 * the gate grouped by cause with their reproductions, the document warnings and the waived findings
 * apart, and the coverage matrix. Nothing is fetched; secrets are masked.
 */
export function toHtmlReport(summary: RunSummary, secrets: readonly string[], options: HtmlReportOptions = {}): string {
  const coverage = coverageVerdict(summary.coverage, options.minCoverage);
  const gate = gateOf(summary);
  const context = { ids: new BlockIds(), rerun: rerunCommand(summary.target, options.spec), secrets };
  const document = page(
    `${TOOL.name} conform: ${summary.target}`,
    verdictHeader(summary, gate, coverage),
    [
      overviewSection(summary, coverage),
      findingsSection(gate.errors, context),
      ...documentWarningsSection(gate, summary.failOn === 'warning', context),
      ...waivedSection(gate, context),
      coverageSection(summary.coverage, coverage),
    ],
    markup`${TOOL.name} ${TOOL.version} · every secret the run sent is shown as ***`,
  );
  // A secret may stand in the page as sent or with its markup characters escaped.
  return maskSecrets(document, [...secrets, ...secrets.map(escapeHtml)]);
}
