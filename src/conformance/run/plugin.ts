import type { HeaderMap } from '../../core/index.js';
import type { LoadedSpec, Operation } from '../../openapi/index.js';
import type { ProblemRule } from '../checks/problem-rule.js';
import type { Exchange } from '../findings/exchange.js';
import type { RequestPlan } from '../generate/request-plan.js';
import type { ExecuteOptions } from './execute.js';
import type { RunPhase } from './phase.js';

/**
 * A domain's rules, handed to the runner the way the mock is handed its domain layer: set-up
 * before generation, rules for problem bodies, and phases after it (stateful sequences). The
 * runner engages a plug-in only for the documents it applies to, and never names a domain itself.
 */
export interface ConformancePlugin {
  /** Names the plug-in in warnings. */
  readonly name: string;
  /** True when the plug-in speaks for this document. */
  appliesTo(spec: LoadedSpec): boolean;
  /** True for an operation the plug-in's own rules cover, which generic sources of sequences leave to it. */
  serves?(operation: Operation): boolean;
  /** Creates what the checks need before generation; not run with --read-only, since it changes state. */
  setUp?(context: SetUpContext): Promise<void>;
  /** Rules problem_json_conformance holds every problem body to, beyond RFC 9457's. */
  readonly problemRules?: readonly ProblemRule[];
  /** Steps after the stateless generation, reporting under their own check names. */
  readonly phases?: readonly RunPhase[];
}

/** What the runner lends a plug-in's set-up. */
export interface SetUpContext {
  spec: LoadedSpec;
  seed: number;
  vars: Readonly<Record<string, string>>;
  /** User headers and the API key, as every request carries them. */
  credentials: HeaderMap;
  /**
   * Sends a planned request and holds the answer against every enabled check (undefined: no
   * answer). Its findings wait until generation is over, which usually meets and shrinks them.
   */
  send(operation: Operation, plan: RequestPlan, options?: ExecuteOptions): Promise<Exchange | undefined>;
  /** A secret the plug-in made up (a token): masked in every report, never to come back in an answer. */
  addSecret(secret: string): void;
  /** The token of a resource the run created, sent on the operations that resource's own scheme guards. */
  setResourceToken(resourceId: string, token: string): void;
  /** The headers that carry a resource token on this operation (its apiKey-in-header scheme, else Bearer). */
  tokenHeaders(operation: Operation, token: string): HeaderMap;
  warn(message: string): void;
}
