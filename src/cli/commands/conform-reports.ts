import {
  coverageVerdict,
  describeCoverage,
  exitCodeOf,
  renderSummary,
  toHtmlReport,
  toJsonReport,
  toJUnit,
  type RunSummary,
} from '../../conformance/index.js';
import { numberFlag } from '../args.js';
import type { ConformFlags } from './conform-flags.js';
import { writeReport } from './write-report.js';

/** The report flags of `conform`, read before the run so a bad value costs no run. */
export interface ReportRequest {
  junit?: string;
  json?: string;
  html?: string;
  minCoverage?: number;
  spec?: string;
}

/** Reads `--junit`, `--json`, `--html` and `--min-coverage` (a percentage, 0 to 100). */
export function readReportFlags(values: ConformFlags): ReportRequest {
  return {
    ...(values.junit === undefined ? {} : { junit: values.junit }),
    ...(values.json === undefined ? {} : { json: values.json }),
    ...(values.html === undefined ? {} : { html: values.html }),
    ...(values['min-coverage'] === undefined ? {} : { minCoverage: numberFlag(values, 'min-coverage', 0, 0, 100) }),
    ...(values.spec === undefined ? {} : { spec: values.spec }),
  };
}

/** Prints the summary and the coverage, writes the reports asked for and holds `--min-coverage`; returns the exit code. */
export async function reportRun(
  request: ReportRequest,
  summary: RunSummary,
  operations: readonly string[],
  secrets: readonly string[],
  out: (text: string) => void,
): Promise<number> {
  const gate = coverageVerdict(summary.coverage, request.minCoverage);
  out(renderSummary(summary, secrets));
  out(`${gate.reason ?? `coverage: ${describeCoverage(summary.coverage)}`}\n`);
  const minCoverage = request.minCoverage === undefined ? {} : { minCoverage: request.minCoverage };
  if (request.junit) await writeReport(request.junit, toJUnit(summary, operations, secrets));
  if (request.json) await writeReport(request.json, toJsonReport(summary, secrets, minCoverage));
  if (request.html)
    await writeReport(request.html, toHtmlReport(summary, secrets, { ...minCoverage, ...(request.spec ? { spec: request.spec } : {}) }));
  return gate.met ? exitCodeOf(summary) : 1;
}
