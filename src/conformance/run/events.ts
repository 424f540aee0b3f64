import type { Coverage } from '../findings/coverage.js';
import type { ReportedFinding } from '../findings/finding.js';

/** Passed and failed exchanges of one check. */
export interface CheckTotals {
  check: string;
  passed: number;
  failed: number;
}

/** What a run did, for the summary table, the exit status and the reports. */
export interface RunSummary {
  target: string;
  seed: number;
  checks: CheckTotals[];
  findings: ReportedFinding[];
  requests: number;
  durationMs: number;
  /** True when Ctrl-C or --max-duration ended generation early. */
  interrupted: boolean;
  cleanup: { archived: number; failed: number };
  /** Which declared responses the run's answers exercised, operation by operation. */
  coverage: Coverage;
  /**
   * Every credential and token the run sent, so renderers can mask them (`***`). Never written out:
   * the reports pick their fields one by one.
   */
  secrets: readonly string[];
}

/** Everything a run reports, in order; `type` names are kebab-case past tense. */
export type RunEvent =
  | { type: 'run-started'; target: string; seed: number; checks: string[]; operations: string[]; readOnly: boolean }
  | { type: 'operation-finished'; operation: string; mode: string; requests: number; done: number; total: number }
  | { type: 'check-progressed'; check: string; passed: number; failed: number }
  | { type: 'phase-progressed'; checks: readonly string[]; requests: number; elapsedMs: number }
  | { type: 'finding-reported'; finding: ReportedFinding }
  | { type: 'run-warned'; message: string }
  | { type: 'cleanup-finished'; archived: number; failed: number }
  | { type: 'run-finished'; summary: RunSummary };
