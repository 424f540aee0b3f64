import { TOOL, maskSecrets } from '../../core/index.js';
import type { Exchange } from '../findings/exchange.js';
import type { ReportedFinding, Replay } from '../findings/finding.js';
import type { RunSummary } from '../run/events.js';
import { coverageVerdict } from './coverage-gate.js';
import { toCurl } from './curl.js';
import { gateOf } from './gate.js';

// Evidence bodies are kept up to this size; a 50 MB answer must not become a 50 MB report.
const MAX_BODY_CHARS = 16_384;

/**
 * The JSON report: the summary, the findings that fail the gate, the document warnings and the
 * waived findings in lists of their own, every finding with its evidence and replay, and the
 * coverage, as plain data, secrets masked.
 */
export function toJsonReport(summary: RunSummary, secrets: readonly string[], options: { minCoverage?: number } = {}): string {
  const gate = gateOf(summary);
  const coverage = coverageVerdict(summary.coverage, options.minCoverage);
  const entry = (finding: ReportedFinding) => ({
    check: finding.check,
    severity: finding.severity,
    scope: finding.scope ?? 'operation',
    operation: finding.operation,
    operations: finding.operations,
    title: finding.title,
    expected: finding.expected,
    received: finding.received,
    key: finding.key,
    count: finding.count,
    violations: finding.violations ?? [],
    replay: replayOf(finding.replay),
    reproduction: finding.evidence.map((exchange) => evidence(exchange, secrets)),
    occurrences: finding.occurrences.map((occurrence) => ({
      operation: occurrence.operation,
      replay: replayOf(occurrence.replay),
      reproduction: occurrence.evidence.map((exchange) => evidence(exchange, secrets)),
    })),
    ...(finding.waived ? { waived: finding.waived } : {}),
  });
  const report = {
    tool: `${TOOL.name} conform`,
    target: summary.target,
    seed: summary.seed,
    requests: summary.requests,
    durationMs: summary.durationMs,
    interrupted: summary.interrupted,
    maxDurationReached: summary.maxDurationReached ?? false,
    unresponsive: summary.unresponsive ?? false,
    cleanup: summary.cleanup,
    failOn: summary.failOn ?? 'error',
    passed: gate.passed && coverage.met,
    counts: { findings: gate.errors.length, documentWarnings: gate.warnings.length, waived: gate.waived.length },
    checks: summary.checks,
    findings: gate.errors.map(entry),
    documentWarnings: gate.warnings.map(entry),
    waived: gate.waived.map(entry),
    waivers: summary.waivers ?? [],
    coverage: { ...summary.coverage, ...(coverage.minimum === undefined ? {} : { minimum: coverage.minimum, met: coverage.met }) },
  };
  return maskSecrets(JSON.stringify(report, null, 2) + '\n', secrets);
}

function replayOf(replay: Replay | undefined) {
  return replay ? { seed: replay.seed, path: replay.path, args: `--seed ${replay.seed} --replay ${replay.path}` } : null;
}

function evidence(exchange: Exchange, secrets: readonly string[]) {
  return {
    curl: toCurl(exchange.request, secrets),
    request: {
      method: exchange.request.method,
      url: exchange.request.url,
      headers: exchange.request.headers,
      body: text(exchange.request.body),
    },
    response: { status: exchange.response.status, headers: exchange.response.headers, body: text(exchange.response.body) },
    generatedAs: exchange.generatedAs,
  };
}

function text(body: Buffer | undefined): string | null {
  if (!body || body.length === 0) return null;
  const value = body.subarray(0, MAX_BODY_CHARS * 4).toString('utf8');
  return value.length > MAX_BODY_CHARS ? value.slice(0, MAX_BODY_CHARS) + '…' : value;
}
