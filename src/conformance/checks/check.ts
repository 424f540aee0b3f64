import type { RequestFacts, ResponseFacts } from '../../core/index.js';
import type { LoadedSpec } from '../../openapi/index.js';
import type { SpecValidator } from '../../validation/index.js';
import type { Exchange } from '../findings/exchange.js';
import type { Finding } from '../findings/finding.js';
import type { ProblemRule } from './problem-rule.js';

/** What every check can use besides the exchange itself. */
export interface CheckContext {
  spec: LoadedSpec;
  validator: SpecValidator;
  /** Every credential and secret the runner sent (API key, resource tokens): none may come back. */
  secrets: readonly string[];
  /** True when the runner was given an API key, so a missing or wrong one must be refused. */
  apiKeyConfigured: boolean;
  /** The domain plug-ins' rules for problem bodies, held by problem_json_conformance. */
  problemRules: readonly ProblemRule[];
  /** The target's base URL, without a trailing slash. */
  target: string;
  /**
   * `--link-base`: the origin (and path) the deployment's canonical links name when it is not the
   * target's own; a link under it is followed on the target.
   */
  linkBase?: string | undefined;
  /** The slowest answer allowed, in ms (`--max-response-time`), when one is set. */
  maxResponseTimeMs?: number | undefined;
  /** True when the run itself has sent a DELETE to this path or an item above it (requests run concurrently). */
  deletedByRun?(path: string): boolean;
  /** Sends a follow-up request (for checks such as links_resolve); statuses never throw. */
  send(request: RequestFacts & { url: string }): Promise<ResponseFacts>;
}

/** A named property of the API; `name` is also the value of --checks/--exclude-checks. */
export interface Check {
  name: string;
  description: string;
  /** A setting the check cannot run without (max_response_time's limit); without it the check is left out of the run. */
  needs?: 'maxResponseTimeMs';
  run(exchange: Exchange, context: CheckContext): Finding[] | Promise<Finding[]>;
}
