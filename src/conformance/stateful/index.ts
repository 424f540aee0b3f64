export { runStatefulChecks } from './run-stateful-checks.js';
export { STATEFUL_CHECKS, isStatefulCheck, type StatefulCheckName } from './stateful-checks.js';
export type { StatefulFinding, StatefulOptions, StatefulRequest, StatefulResult } from './options.js';
export { formatStatefulReplay, parseStatefulReplay, type StatefulReplay } from './replay-path.js';
export { replayEvidence, type ReplayEvidenceOptions, type ReplayOutcome } from './replay-evidence.js';
export type { Mismatch } from './mismatch.js';
