import type { HeaderMap, ResponseFacts } from '../../core/index.js';
import type { LoadedSpec } from '../../openapi/index.js';
import type { SpecValidator } from '../../validation/index.js';
import type { Exchange } from '../findings/exchange.js';
import type { Finding, Replay } from '../findings/finding.js';
import type { CheckTotals } from './events.js';

/** What the runner lends an extra phase (such as the stateful sequences): its client, credentials and bookkeeping. */
export interface PhaseContext {
  spec: LoadedSpec;
  validator: SpecValidator;
  /** The target's base URL, without a trailing slash. */
  target: string;
  seed: number;
  /** The run's --runs. */
  runs: number;
  /** Sends through the run's rate limit, concurrency bound and retries; a transport failure is status 0. */
  send(request: Exchange['request']): Promise<ResponseFacts>;
  /** Credentials for management calls (user headers and the API key). */
  headers: HeaderMap;
  vars: Readonly<Record<string, string>>;
  /** Prefix for the names of everything the phase creates. */
  namePrefix: string;
  /** Reports what the target created, by the path that DELETEs it, so the run removes it at the end. */
  onCreated(path: string): void;
  /** Aborted on Ctrl-C or when --max-duration is up. */
  signal: AbortSignal;
  /** The phase's checks that are enabled (after --checks/--exclude-checks). */
  enabled: ReadonlySet<string>;
  /** A replay path the stateless runner did not recognise: the phase's own, if it is one. */
  replay?: string;
}

/** What a phase found. */
export interface PhaseResult {
  findings: Array<Finding & { replay?: Replay }>;
  requests: number;
  /** Per-check totals when the phase counts them; otherwise each enabled check counts one passed or failed run. */
  totals?: CheckTotals[];
  /** What the phase could not do (the target stopped answering mid-sequence, say), shown as run warnings. */
  warnings?: string[];
}

/** A step the runner runs after the stateless generation, reporting under its own check names. */
export interface RunPhase {
  /** Check names the phase reports under; they are valid --checks/--exclude-checks values. */
  checks: readonly string[];
  /** True for a replay path the phase printed; without it, the phase is handed any path the runner does not know. */
  replays?(path: string): boolean;
  run(context: PhaseContext): Promise<PhaseResult>;
}
