import { TOOL, maskSecrets } from '../../core/index.js';
import type { RunSummary } from '../run/events.js';
import { renderFinding } from './text.js';

/** JUnit XML for CI: one testsuite per check, one testcase per operation, a failure per finding. */
export function toJUnit(summary: RunSummary, operations: readonly string[], secrets: readonly string[]): string {
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  for (const totals of summary.checks) {
    const cases: string[] = [];
    let suiteFailures = 0;
    for (const operation of operations) {
      const found = summary.findings.filter((finding) => finding.check === totals.check && finding.operation === operation);
      if (found.length === 0) {
        cases.push(`    <testcase classname="${xml(totals.check)}" name="${xml(operation)}"/>`);
        continue;
      }
      suiteFailures += 1;
      const text = found.map((finding, index) => renderFinding(finding, index + 1, secrets).join('\n')).join('\n\n');
      const message = found.map((finding) => finding.title).join('; ');
      cases.push(
        `    <testcase classname="${xml(totals.check)}" name="${xml(operation)}">\n      <failure message="${xml(message)}" type="${xml(totals.check)}">${xml(text)}</failure>\n    </testcase>`,
      );
    }
    tests += operations.length;
    failures += suiteFailures;
    suites.push(
      `  <testsuite name="${xml(totals.check)}" tests="${operations.length}" failures="${suiteFailures}" errors="0" skipped="0">\n${cases.join('\n')}\n  </testsuite>`,
    );
  }
  const time = (summary.durationMs / 1000).toFixed(3);
  const document = `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="${xml(TOOL.name)} conform" tests="${tests}" failures="${failures}" errors="0" time="${time}">\n${suites.join('\n')}\n</testsuites>\n`;
  return maskSecrets(document, secrets);
}

/** XML 1.0 text: escaped markup, and characters XML cannot carry dropped. */
function xml(text: string): string {
  return text
    .replace(/[^\t\n\r\x20-\uD7FF\uE000-\uFFFD]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}
