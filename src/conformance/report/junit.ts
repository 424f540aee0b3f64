import { TOOL, maskSecrets } from '../../core/index.js';
import type { ReportedFinding } from '../findings/finding.js';
import type { RunSummary } from '../run/events.js';
import { gateOf } from './gate.js';
import { renderFinding } from './text.js';

const WARNINGS_SUITE = 'document warnings';

/**
 * JUnit XML for CI: one testsuite per check, one testcase per operation, a failure where a finding
 * fails the gate (on every operation an api-wide cause was seen on), `skipped` where a waiver
 * accepts it; the document warnings in a testsuite of their own, skipped unless they fail the gate.
 */
export function toJUnit(summary: RunSummary, operations: readonly string[], secrets: readonly string[]): string {
  const gate = gateOf(summary);
  const failing = new Set(gate.failing);
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  let skipped = 0;
  for (const totals of summary.checks) {
    const cases: string[] = [];
    let suiteFailures = 0;
    let suiteSkipped = 0;
    for (const operation of operations) {
      const found = summary.findings.filter((finding) => finding.check === totals.check && finding.operations.includes(operation));
      const failed = found.filter((finding) => finding.severity === 'error' && failing.has(finding));
      const waived = found.filter((finding) => finding.waived);
      const open = `    <testcase classname="${xml(totals.check)}" name="${xml(operation)}"`;
      if (failed.length > 0) {
        suiteFailures += 1;
        cases.push(
          `${open}>\n      <failure message="${xml(failed.map((f) => f.title).join('; '))}" type="${xml(totals.check)}">${xml(details(failed, secrets))}</failure>\n    </testcase>`,
        );
      } else if (waived.length > 0) {
        suiteSkipped += 1;
        cases.push(
          `${open}>\n      <skipped message="${xml(waived.map((f) => `waived: ${f.waived!.reason} (until ${f.waived!.expires})`).join('; '))}"/>\n    </testcase>`,
        );
      } else cases.push(`${open}/>`);
    }
    tests += operations.length;
    failures += suiteFailures;
    skipped += suiteSkipped;
    suites.push(suite(totals.check, operations.length, suiteFailures, suiteSkipped, cases));
  }
  if (gate.warnings.length > 0) {
    const fail = summary.failOn === 'warning';
    const cases = gate.warnings.map((finding, index) => {
      const open = `    <testcase classname="${xml(WARNINGS_SUITE)}" name="${xml(`${finding.check}: ${finding.title} (${finding.key})`)}"`;
      const text = xml(renderFinding(finding, `W${index + 1}.`, secrets, { brief: true }).join('\n'));
      return fail
        ? `${open}>\n      <failure message="${xml(finding.title)}" type="${xml(finding.check)}">${text}</failure>\n    </testcase>`
        : `${open}>\n      <skipped message="${xml(`document warning: ${finding.title}`)}"/>\n      <system-out>${text}</system-out>\n    </testcase>`;
    });
    tests += cases.length;
    if (fail) failures += cases.length;
    else skipped += cases.length;
    suites.push(suite(WARNINGS_SUITE, cases.length, fail ? cases.length : 0, fail ? 0 : cases.length, cases));
  }
  const time = (summary.durationMs / 1000).toFixed(3);
  const document = `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="${xml(TOOL.name)} conform" tests="${tests}" failures="${failures}" errors="0" skipped="${skipped}" time="${time}">\n${suites.join('\n')}\n</testsuites>\n`;
  return maskSecrets(document, secrets);
}

function suite(name: string, tests: number, failures: number, skipped: number, cases: string[]): string {
  return `  <testsuite name="${xml(name)}" tests="${tests}" failures="${failures}" errors="0" skipped="${skipped}">\n${cases.join('\n')}\n  </testsuite>`;
}

function details(findings: readonly ReportedFinding[], secrets: readonly string[]): string {
  return findings.map((finding, index) => renderFinding(finding, index + 1, secrets).join('\n')).join('\n\n');
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
