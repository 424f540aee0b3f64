import { findingKey } from '../../findings/finding-book.js';
import type { ReportedFinding } from '../../findings/finding.js';
import { markup, type SafeHtml } from './escape.js';
import { findingDetails, type RenderContext } from './finding-details.js';
import { plural } from './plural.js';

/** The findings grouped by cause, errors first: one cause met on several operations is one group. */
export function findingsSection(findings: readonly ReportedFinding[], context: RenderContext): SafeHtml {
  const causes = groupByCause(findings);
  const body =
    causes.length === 0
      ? markup`<p data-test="no-findings">Nothing was found: every check held on every answer.</p>`
      : causes.map((group) => causeArticle(group, context));
  return markup`<section id="findings">
    <h2>Findings</h2>
    ${body}
  </section>`;
}

function causeArticle(group: readonly ReportedFinding[], context: RenderContext): SafeHtml {
  const first = group[0]!;
  const seen = group.reduce((sum, finding) => sum + finding.count, 0);
  const severity = first.severity;
  return markup`<article class="cause ${severity}" data-test="cause" data-check="${first.check}" data-severity="${severity}">
    <h3><span class="severity ${severity}">${severity}</span><code>${first.check}</code> ${first.title}</h3>
    <p>${plural(group.length, 'operation')} · seen ${plural(seen, 'time')}</p>
    ${group.map((finding, index) => findingDetails(finding, index === 0, context))}
  </article>`;
}

/**
 * Findings of one check with one key are one cause wherever they were met. A finding may name its
 * cause itself (`cause`, when the findings carry one); otherwise the check and key do.
 */
function groupByCause(findings: readonly ReportedFinding[]): ReportedFinding[][] {
  const groups = new Map<string, ReportedFinding[]>();
  for (const finding of findings) {
    const named = (finding as { cause?: unknown }).cause;
    const cause = typeof named === 'string' ? named : findingKey({ ...finding, operation: '' });
    const group = groups.get(cause);
    if (group) group.push(finding);
    else groups.set(cause, [finding]);
  }
  const rank = (group: readonly ReportedFinding[]) => (group[0]!.severity === 'error' ? 0 : 1);
  return [...groups.values()].sort((a, b) => rank(a) - rank(b));
}
