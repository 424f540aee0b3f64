import { maskSecrets } from '../../core/index.js';
import { describe as describeViolation } from '../../validation/index.js';
import type { Exchange } from '../findings/exchange.js';
import type { ReportedFinding } from '../findings/finding.js';
import type { WaiverStatus } from '../findings/waivers.js';
import type { RunSummary } from '../run/events.js';
import { toCurl } from './curl.js';
import { gateOf, type Gate } from './gate.js';

const MAX_VIOLATIONS = 10;
const MAX_BODY_CHARS = 600;
const MAX_OPERATIONS_SHOWN = 8;

/**
 * The end-of-run text: the findings that fail the gate, each with its reproduction; then the
 * document warnings (once per cause), the waived findings and the waivers; the per-check table;
 * the verdict, whose counts are the lists' own.
 */
export function renderSummary(summary: RunSummary, secrets: readonly string[]): string {
  const gate = gateOf(summary);
  const lines: string[] = [];
  gate.errors.forEach((finding, index) => lines.push(...renderFinding(finding, index + 1, secrets), ''));
  if (gate.warnings.length > 0) {
    const failing = summary.failOn === 'warning';
    lines.push(
      `Document warnings (${gate.warnings.length}): the document, not the target, is the cause${failing ? '; --fail-on warning fails the gate on them' : '; they fail the gate only with --fail-on warning'}`,
      '',
    );
    gate.warnings.forEach((finding, index) => lines.push(...renderFinding(finding, `W${index + 1}.`, secrets, { brief: true }), ''));
  }
  if (gate.waived.length > 0) {
    lines.push(`Waived (${gate.waived.length}): accepted by --waivers, not failing the gate`);
    for (const finding of gate.waived) {
      lines.push(
        `  - [${finding.check}] ${finding.operation}: ${finding.title} (key ${finding.key}) — ${finding.waived!.reason} (until ${finding.waived!.expires})`,
      );
    }
    lines.push('');
  }
  for (const waiver of gate.expiredWaivers)
    lines.push(`expired waiver: ${waiverLine(waiver)} ended on ${waiver.expires}; what it accepted fails again`);
  for (const waiver of gate.unusedWaivers) lines.push(`unused waiver: ${waiverLine(waiver)} accepted no finding in this run`);
  if (gate.expiredWaivers.length + gate.unusedWaivers.length > 0) lines.push('');
  lines.push(...renderTable(summary), '');
  lines.push(
    `${verdict(gate)}: ${summary.requests} requests in ${(summary.durationMs / 1000).toFixed(1)}s against ${summary.target} (seed ${summary.seed})${ending(summary)}`,
  );
  if (summary.cleanup.archived + summary.cleanup.failed > 0) {
    lines.push(
      `cleanup: archived ${summary.cleanup.archived} resource(s) the run created${summary.cleanup.failed ? `, ${summary.cleanup.failed} could not be archived` : ''}`,
    );
  }
  return maskSecrets(lines.join('\n') + '\n', secrets);
}

function verdict(gate: Gate): string {
  const parts = [
    gate.errors.length > 0 ? plural(gate.errors.length, 'finding') : '',
    gate.warnings.length > 0 ? plural(gate.warnings.length, 'document warning') : '',
    gate.waived.length > 0 ? `${gate.waived.length} waived` : '',
  ].filter(Boolean);
  if (gate.passed) return parts.length === 0 ? 'all checks passed' : `passed with ${parts.join(', ')}`;
  if (gate.failing.length === 0) return `interrupted, not passed${parts.length > 0 ? ` (${parts.join(', ')})` : ''}`;
  return parts.join(', ');
}

function ending(summary: RunSummary): string {
  if (summary.interrupted) return ', interrupted';
  if (summary.unresponsive) return ', stopped: the target stopped answering';
  return summary.maxDurationReached ? ', stopped at --max-duration' : '';
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function waiverLine(waiver: WaiverStatus): string {
  return `[${waiver.check}]${waiver.operation ? ` ${waiver.operation}` : ''}${waiver.key ? ` key ${waiver.key}` : ''} (${waiver.reason})`;
}

/** The summary table: one row per check with passed, failed and (when any) warned exchanges. */
export function renderTable(summary: RunSummary): string[] {
  const width = Math.max(5, ...summary.checks.map((totals) => totals.check.length));
  const warned = summary.checks.some((totals) => (totals.warned ?? 0) > 0);
  const cell = (text: string | number) => String(text).padStart(7);
  const row = (check: string, passed: string | number, failed: string | number, warnings: string | number) =>
    `${check.padEnd(width)}  ${cell(passed)}  ${cell(failed)}${warned ? `  ${cell(warnings)}` : ''}`;
  const rows = [row('check', 'passed', 'failed', 'warned'), row('-'.repeat(width), '-'.repeat(7), '-'.repeat(7), '-'.repeat(7))];
  for (const totals of summary.checks) rows.push(row(totals.check, totals.passed, totals.failed, totals.warned ?? 0));
  return rows;
}

/**
 * One finding: check, operation, expected against received, violations, the numbered curl
 * reproduction and its replay; for an api-wide cause, the other operations it was seen on.
 * `brief` (document warnings) shows the first exchange only.
 */
export function renderFinding(
  finding: ReportedFinding,
  label: number | string,
  secrets: readonly string[],
  options: { brief?: boolean } = {},
): string[] {
  const others = finding.operations.length - 1;
  const seen = finding.count > 1 ? ` (seen ${finding.count} times${others > 0 ? ` on ${finding.operations.length} operations` : ''})` : '';
  const lines = [
    `${typeof label === 'number' ? `${label}.` : label} [${finding.check}] ${finding.operation}: ${finding.title}${seen}`,
    `   expected: ${finding.expected}`,
    `   received: ${finding.received}`,
  ];
  if (others > 0) {
    const shown = finding.operations.slice(1, 1 + MAX_OPERATIONS_SHOWN);
    lines.push(`   also on: ${shown.join(', ')}${others > shown.length ? ` and ${others - shown.length} more` : ''}`);
  }
  const violations = finding.violations ?? [];
  for (const violation of violations.slice(0, MAX_VIOLATIONS))
    lines.push(
      `   - ${violation.in} ${violation.pointer || '(root)'}: ${describeViolation(violation)} ${violation.message} [${violation.keyword}]`,
    );
  if (violations.length > MAX_VIOLATIONS) lines.push(`   … and ${violations.length - MAX_VIOLATIONS} more violations`);
  lines.push('   reproduce:');
  (options.brief ? finding.evidence.slice(0, 1) : finding.evidence).forEach((exchange, index) =>
    lines.push(...exchangeLines(exchange, index + 1, secrets)),
  );
  if (finding.replay) lines.push(`   replay: --seed ${finding.replay.seed} --replay ${finding.replay.path}`);
  if (!options.brief) {
    for (const occurrence of finding.occurrences) {
      const first = occurrence.evidence[0];
      lines.push(`   on ${occurrence.operation}:${first ? ` ${toCurl(first.request, secrets)}` : ''}`);
      if (occurrence.replay) lines.push(`     replay: --seed ${occurrence.replay.seed} --replay ${occurrence.replay.path}`);
    }
  }
  return lines.map((line) => maskSecrets(line, secrets));
}

function exchangeLines(exchange: Exchange, number: number, secrets: readonly string[]): string[] {
  const body = exchange.response.body.toString('utf8');
  return [
    `     ${number}. ${toCurl(exchange.request, secrets)}`,
    `        → ${exchange.response.status || 'no response'}${body ? ` ${body.length > MAX_BODY_CHARS ? body.slice(0, MAX_BODY_CHARS) + '…' : body}` : ''}`,
  ];
}
