import { maskSecrets } from '../../core/index.js';
import { describe as describeViolation } from '../../validation/index.js';
import type { ReportedFinding } from '../findings/finding.js';
import type { RunSummary } from '../run/events.js';
import { toCurl } from './curl.js';

const MAX_VIOLATIONS = 10;
const MAX_BODY_CHARS = 600;

/** The end-of-run text: each finding with its reproduction, then the per-check table and totals. */
export function renderSummary(summary: RunSummary, secrets: readonly string[]): string {
  const lines: string[] = [];
  summary.findings.forEach((finding, index) => lines.push(...renderFinding(finding, index + 1, secrets), ''));
  lines.push(...renderTable(summary), '');
  const seconds = (summary.durationMs / 1000).toFixed(1);
  const verdict =
    summary.findings.length === 0 ? 'all checks passed' : `${summary.findings.length} finding${summary.findings.length === 1 ? '' : 's'}`;
  lines.push(
    `${verdict}: ${summary.requests} requests in ${seconds}s against ${summary.target} (seed ${summary.seed})${summary.interrupted ? ', stopped early' : ''}`,
  );
  if (summary.cleanup.archived + summary.cleanup.failed > 0) {
    lines.push(
      `cleanup: archived ${summary.cleanup.archived} resource(s) the run created${summary.cleanup.failed ? `, ${summary.cleanup.failed} could not be archived` : ''}`,
    );
  }
  return maskSecrets(lines.join('\n') + '\n', secrets);
}

/** The summary table: one row per check with passed and failed exchanges. */
export function renderTable(summary: RunSummary): string[] {
  const width = Math.max(5, ...summary.checks.map((totals) => totals.check.length));
  const rows = [
    `${'check'.padEnd(width)}  ${'passed'.padStart(7)}  ${'failed'.padStart(7)}`,
    `${'-'.repeat(width)}  ${'-'.repeat(7)}  ${'-'.repeat(7)}`,
  ];
  for (const totals of summary.checks)
    rows.push(`${totals.check.padEnd(width)}  ${String(totals.passed).padStart(7)}  ${String(totals.failed).padStart(7)}`);
  return rows;
}

/** One finding: check, operation, expected against received, violations, and the numbered curl reproduction. */
export function renderFinding(finding: ReportedFinding, number: number, secrets: readonly string[]): string[] {
  const lines = [
    `${number}. [${finding.check}] ${finding.operation}: ${finding.title}${finding.count > 1 ? ` (seen ${finding.count} times)` : ''}`,
    `   expected: ${finding.expected}`,
    `   received: ${finding.received}`,
  ];
  const violations = finding.violations ?? [];
  for (const violation of violations.slice(0, MAX_VIOLATIONS))
    lines.push(
      `   - ${violation.in} ${violation.pointer || '(root)'}: ${describeViolation(violation)} ${violation.message} [${violation.keyword}]`,
    );
  if (violations.length > MAX_VIOLATIONS) lines.push(`   … and ${violations.length - MAX_VIOLATIONS} more violations`);
  lines.push('   reproduce:');
  finding.evidence.forEach((exchange, index) => {
    lines.push(`     ${index + 1}. ${toCurl(exchange.request, secrets)}`);
    const body = exchange.response.body.toString('utf8');
    lines.push(
      `        → ${exchange.response.status || 'no response'}${body ? ` ${body.length > MAX_BODY_CHARS ? body.slice(0, MAX_BODY_CHARS) + '…' : body}` : ''}`,
    );
  });
  if (finding.replay) lines.push(`   replay: --seed ${finding.replay.seed} --replay ${finding.replay.path}`);
  return lines.map((line) => maskSecrets(line, secrets));
}
