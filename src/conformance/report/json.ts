import { TOOL, maskSecrets } from '../../core/index.js';
import type { Exchange } from '../findings/exchange.js';
import type { RunSummary } from '../run/events.js';
import { coverageVerdict } from './coverage-gate.js';
import { toCurl } from './curl.js';

// Evidence bodies are kept up to this size; a 50 MB answer must not become a 50 MB report.
const MAX_BODY_CHARS = 16_384;

/** The JSON report: the summary, every finding with its evidence and the coverage as plain data, secrets masked. */
export function toJsonReport(summary: RunSummary, secrets: readonly string[], options: { minCoverage?: number } = {}): string {
  const gate = coverageVerdict(summary.coverage, options.minCoverage);
  const report = {
    tool: `${TOOL.name} conform`,
    target: summary.target,
    seed: summary.seed,
    requests: summary.requests,
    durationMs: summary.durationMs,
    interrupted: summary.interrupted,
    cleanup: summary.cleanup,
    passed: summary.findings.length === 0 && gate.met,
    checks: summary.checks,
    findings: summary.findings.map((finding) => ({
      check: finding.check,
      severity: finding.severity,
      operation: finding.operation,
      title: finding.title,
      expected: finding.expected,
      received: finding.received,
      key: finding.key,
      count: finding.count,
      violations: finding.violations ?? [],
      replay: finding.replay
        ? { seed: finding.replay.seed, path: finding.replay.path, args: `--seed ${finding.replay.seed} --replay ${finding.replay.path}` }
        : null,
      reproduction: finding.evidence.map((exchange) => evidence(exchange, secrets)),
    })),
    coverage: { ...summary.coverage, ...(gate.minimum === undefined ? {} : { minimum: gate.minimum, met: gate.met }) },
  };
  return maskSecrets(JSON.stringify(report, null, 2) + '\n', secrets);
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
