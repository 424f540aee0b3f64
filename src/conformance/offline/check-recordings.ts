import { UsageError } from '../../core/index.js';
import type { LoadedSpec } from '../../openapi/index.js';
import { CoverageTally } from '../findings/coverage.js';
import { FindingBook } from '../findings/finding-book.js';
import type { ReportedFinding, Severity } from '../findings/finding.js';
import { applyWaivers, checkWaiverNames, dayOf, type Waiver } from '../findings/waivers.js';
import type { RunEvent, RunSummary } from '../run/events.js';
import type { ConformancePlugin } from '../run/plugin.js';
import { RunTally } from '../run/run-tally.js';
import { OFFLINE_CHECKS, createRecordingJudge, type RecordedExchangeInput } from './recording-judge.js';

export interface OfflineOptions {
  spec: LoadedSpec;
  /** Names the recordings in the summary (e.g. the HAR file). */
  source: string;
  exchanges: readonly RecordedExchangeInput[];
  checks?: readonly string[];
  excludeChecks?: readonly string[];
  /** Domain plug-ins; the problem rules of those that apply to the document are held too. */
  plugins?: readonly ConformancePlugin[];
  /** `entry:N` as printed with a finding: judges only the N-th recorded exchange. */
  replay?: string;
  waivers?: readonly Waiver[];
  failOn?: Severity;
  now?: () => Date;
}

/** Formats the replay of the `index`-th (0-based) recorded exchange: `entry:N`, counted from 1. */
function entryReplay(index: number): { seed: number; path: string } {
  return { seed: 0, path: `entry:${index + 1}` };
}

/**
 * Runs the stateless checks over recorded exchanges with no network: the same findings, summary
 * and exit status as a live run, each finding with the recorded entry that shows it.
 */
export async function* checkRecordings(options: OfflineOptions): AsyncGenerator<RunEvent> {
  const started = Date.now();
  const judge = createRecordingJudge(options);
  checkWaiverNames(
    options.waivers ?? [],
    OFFLINE_CHECKS.map((check) => check.name),
  );
  const only = options.replay === undefined ? undefined : entryOf(options.replay, options.exchanges.length);
  const operations = [...new Set(options.spec.operations.map((operation) => operation.id))];
  yield {
    type: 'run-started',
    target: options.source,
    seed: 0,
    checks: judge.checks.map((check) => check.name),
    operations,
    readOnly: true,
  };
  const tally = new RunTally(judge.checks.map((check) => check.name));
  const reported: ReportedFinding[] = [];
  const book = new FindingBook((finding) => reported.push(finding));
  const coverage = new CoverageTally(options.spec.operations);
  for (const [index, recorded] of options.exchanges.entries()) {
    if (only !== undefined && index !== only) continue;
    const judged = await judge.judge(recorded);
    if (!judged.exchange) {
      coverage.noteRequest(recorded.request.method, recorded.request.path, recorded.response);
      yield { type: 'run-warned', message: `${recorded.request.method} ${recorded.request.path} is not declared in the spec; skipped` };
      continue;
    }
    tally.countRequests();
    coverage.note(judged.exchange.operation, recorded.request.method, recorded.response);
    for (const { check, findings } of judged.results) {
      const failed = findings.some((finding) => finding.severity === 'error');
      tally.count(check, failed, !failed && findings.length > 0);
      book.recordAll(findings, entryReplay(index));
      for (const finding of reported.splice(0)) yield { type: 'finding-reported', finding };
    }
  }
  for (const totals of tally.all()) yield { type: 'check-progressed', ...totals };
  const findings = book.all();
  const summary: RunSummary = {
    target: options.source,
    seed: 0,
    checks: tally.all(),
    findings,
    requests: tally.requests,
    durationMs: Date.now() - started,
    interrupted: false,
    failOn: options.failOn ?? 'error',
    waivers: applyWaivers(findings, options.waivers ?? [], dayOf(options.now?.() ?? new Date())),
    cleanup: { archived: 0, failed: 0 },
    coverage: coverage.report(),
    secrets: [],
  };
  yield { type: 'run-finished', summary };
}

function entryOf(replay: string, count: number): number {
  const match = /^entry:(\d+)$/.exec(replay);
  const number = match ? Number(match[1]) : 0;
  if (number < 1 || number > count)
    throw new UsageError(`--replay with --har expects entry:N (1 to ${count}) as printed with a finding, got '${replay}'`);
  return number - 1;
}
