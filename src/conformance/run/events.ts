import type { Coverage } from '../findings/coverage.js';
import type { ReportedFinding, Severity } from '../findings/finding.js';
import type { WaiverStatus } from '../findings/waivers.js';

/** Passed and failed exchanges of one check. */
export interface CheckTotals {
  check: string;
  passed: number;
  failed: number;
  /** Exchanges whose only findings were document warnings (counted apart from passed and failed). */
  warned?: number;
}

/** What a run did, for the summary table, the exit status and the reports. */
export interface RunSummary {
  target: string;
  seed: number;
  checks: CheckTotals[];
  /** Every finding: errors, document warnings (severity `warning`) and waived ones (`waived`), each listed apart in the reports. */
  findings: ReportedFinding[];
  requests: number;
  durationMs: number;
  /** True when a signal (Ctrl-C) ended the run early: such a run never passes. */
  interrupted: boolean;
  /** True when --max-duration ended generation (the time budget the run was given). */
  maxDurationReached?: boolean;
  /** Set when the target stopped answering and the run stopped sending. */
  unresponsive?: boolean;
  /** The least severity that fails the gate. */
  failOn?: Severity;
  /** What became of each waiver: active (and how many findings it accepted) or expired. */
  waivers?: WaiverStatus[];
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
  | { type: 'check-progressed'; check: string; passed: number; failed: number; warned?: number }
  | { type: 'phase-progressed'; checks: readonly string[]; requests: number; elapsedMs: number }
  | { type: 'finding-reported'; finding: ReportedFinding }
  | { type: 'run-warned'; message: string }
  | { type: 'cleanup-finished'; archived: number; failed: number }
  | { type: 'run-finished'; summary: RunSummary };
