import type { RequestFacts, ResponseFacts } from '../../core/index.js';
import type { LoadedSpec } from '../../openapi/index.js';
import type { SpecValidator } from '../../validation/index.js';
import type { Finding, Replay } from '../findings/finding.js';

/** A request the stateful layer sends: the facts plus the absolute URL. */
export type StatefulRequest = RequestFacts & { url: string };

/** Everything the stateful checks need from the runner. */
export interface StatefulOptions {
  /** The target's base URL (no trailing slash needed). */
  target: string;
  spec: LoadedSpec;
  validator: SpecValidator;
  /** Sends one request; answers any status and never throws for one. */
  send(request: StatefulRequest): Promise<ResponseFacts>;
  /** The runner's credentials (e.g. authorization), for the requests that carry them. */
  headers: Record<string, string>;
  /** `--var name=value`: ids that must exist on a live deployment, say. */
  vars: Record<string, string>;
  seed: number;
  numRuns: number;
  /** Commands per sequence (default 20). */
  maxCommands?: number;
  /** Everything created is named `${namePrefix}…` so leftovers can be recognised. */
  namePrefix: string;
  /** Called with the path of every resource the target created (where a DELETE removes it), so the runner cleans it up. */
  onCreated(path: string): void;
  signal?: AbortSignal;
  /** Enabled stateful check names; the others are neither run nor reported. */
  checks: ReadonlySet<string>;
  /** A path from a finding's `replay.path`: replays exactly that case (with `seed` = `replay.seed`). */
  replay?: string;
}

/** A stateful finding: the evidence is the shrunk sequence, `replay` re-runs exactly that case. */
export interface StatefulFinding extends Finding {
  replay: Replay;
  /** The shrunk command sequence as fast-check prints it. */
  steps: string[];
}

/** What a stateful run returns. */
export interface StatefulResult {
  findings: StatefulFinding[];
  /** How many requests were sent to the target. */
  requests: number;
  /** Set when `send` threw (target unreachable, timeout): the sequences stopped there. */
  transportError?: string;
}
