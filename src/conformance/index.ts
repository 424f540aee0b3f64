export { runConformance } from './run/runner.js';
export type { ConformanceOptions } from './run/options.js';
export type { OperationFilter } from './run/operation-filter.js';
export type { CheckTotals, RunEvent, RunSummary } from './run/events.js';
export type { ConformancePlugin, SetUpContext } from './run/plugin.js';
export type { PhaseContext, PhaseResult, RunPhase } from './run/phase.js';
export type { CredentialMode, ExecuteOptions } from './run/execute.js';
export { ALL_CHECKS } from './checks/index.js';
export type { Check, CheckContext } from './checks/check.js';
export type { ProblemIssue, ProblemRule } from './checks/problem-rule.js';
export type { Exchange, RequestKind } from './findings/exchange.js';
export type { Finding, FindingScope, Occurrence, Replay, ReportedFinding, Severity, WaivedBy } from './findings/finding.js';
export { readWaivers, type Waiver, type WaiverStatus } from './findings/waivers.js';
export { gateOf, type Gate } from './report/gate.js';
export type { Coverage, CoverageCell, CoverageMark, OperationCoverage } from './findings/coverage.js';
export type { RequestPlan } from './generate/request-plan.js';
export { checkRecordings, type OfflineOptions } from './offline/check-recordings.js';
export {
  createRecordingJudge,
  type Judged,
  type RecordedExchangeInput,
  type RecordingJudge,
  type RecordingJudgeOptions,
} from './offline/recording-judge.js';
export { createProgress, type ProgressOutput } from './report/progress.js';
export { renderFinding, renderSummary } from './report/text.js';
export { toJUnit } from './report/junit.js';
export { toJsonReport } from './report/json.js';
export { toHtmlReport, type HtmlReportOptions } from './report/html/html-report.js';
export { coverageVerdict, describeCoverage, type CoverageVerdict } from './report/coverage-gate.js';
export { exitCodeOf } from './report/exit-code.js';
export {
  STATEFUL_CHECKS,
  Sequence,
  replayEvidence,
  runStatefulChecks,
  statefulPhase,
  type JudgeOptions,
  type Mismatch,
  type PlannedRequest,
  type SequenceJudge,
  type StatefulCheck,
  type StatefulOptions,
  type StatefulSource,
} from './stateful/index.js';
export { APPS_PLUGIN } from './apps/index.js';
export { resourcesPlugin } from './resources/index.js';
