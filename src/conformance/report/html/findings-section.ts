import { findingKey } from '../../findings/finding-book.js';
import type { ReportedFinding } from '../../findings/finding.js';
import { markup, type SafeHtml } from './escape.js';
import { findingDetails, type RenderContext } from './finding-details.js';
import { plural } from './plural.js';

/** The findings that fail the gate, grouped by cause: one cause met on several operations is one group. */
export function findingsSection(findings: readonly ReportedFinding[], context: RenderContext): SafeHtml {
  const body =
    findings.length === 0
      ? markup`<p data-test="no-findings">Nothing was found: every check held on every answer.</p>`
      : causeArticles(findings, context);
  return markup`<section id="findings">
    <h2>Findings</h2>
    ${body}
  </section>`;
}

/** One article per cause, each with its findings' details (the first open). */
export function causeArticles(findings: readonly ReportedFinding[], context: RenderContext): SafeHtml[] {
  return groupByCause(findings).map((group) => causeArticle(group, context));
}

function causeArticle(group: readonly ReportedFinding[], context: RenderContext): SafeHtml {
  const first = group[0]!;
  const seen = group.reduce((sum, finding) => sum + finding.count, 0);
  const operations = new Set(group.flatMap((finding) => finding.operations)).size;
  const severity = first.severity;
  return markup`<article class="cause ${severity}" data-test="cause" data-check="${first.check}" data-severity="${severity}">
    <h3><span class="severity ${severity}">${severity}</span><code>${first.check}</code> ${first.title}</h3>
    <p>${plural(operations, 'operation')} · seen ${plural(seen, 'time')}</p>
    ${group.map((finding, index) => findingDetails(finding, index === 0, context))}
  </article>`;
}

/** Findings of one check with one key are one cause wherever they were met (an api-wide one is already one finding). */
function groupByCause(findings: readonly ReportedFinding[]): ReportedFinding[][] {
  const groups = new Map<string, ReportedFinding[]>();
  for (const finding of findings) {
    const cause = findingKey({ ...finding, scope: 'api' });
    const group = groups.get(cause);
    if (group) group.push(finding);
    else groups.set(cause, [finding]);
  }
  const rank = (group: readonly ReportedFinding[]) => (group[0]!.severity === 'error' ? 0 : 1);
  return [...groups.values()].sort((a, b) => rank(a) - rank(b));
}
