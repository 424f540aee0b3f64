import type { RequestFacts, ResponseFacts } from '../core/index.js';
import type { LoadedSpec, Operation } from '../openapi/index.js';
import type { SpecValidator, Violation } from '../validation/index.js';

export type Severity = 'error' | 'warning';

/** How a request was generated: valid data, or one mutation away from valid. */
export type RequestKind = { kind: 'positive' } | { kind: 'negative'; keyword: string; pointer: string; description: string } | { kind: 'auth'; variant: string };

/** One request the runner sent and what came back, with everything a check may need. */
export interface Exchange {
  operation: Operation;
  /** `url` is the absolute URL that was requested. */
  request: RequestFacts & { url: string };
  response: ResponseFacts;
  /** The body parsed as JSON when it claims to be JSON; `parseError` when that failed. */
  json?: unknown;
  parseError?: string;
  generatedAs: RequestKind;
  elapsedMs: number;
}

/** What every check can use besides the exchange itself. */
export interface CheckContext {
  spec: LoadedSpec;
  validator: SpecValidator;
  /** Every credential and secret the runner sent (API key, webhook tokens): none may come back. */
  secrets: readonly string[];
  /** True when the runner was given an API key, so a missing or wrong one must be refused. */
  apiKeyConfigured: boolean;
  /** Sends a follow-up request (for checks such as links_resolve); statuses never throw. */
  send(request: RequestFacts & { url: string }): Promise<ResponseFacts>;
}

/** A broken contract, as data. Findings with the same `check`, `operation` and `key` are one finding. */
export interface Finding {
  check: string;
  severity: Severity;
  /** operationId (or `METHOD /path`). */
  operation: string;
  title: string;
  expected: string;
  received: string;
  /** Distinguishes causes within one check and operation, for deduplication. */
  key: string;
  violations?: Violation[];
  /** The exchanges that show the problem, in order: the minimal reproduction. */
  evidence: Exchange[];
}

/** A named property of the API; `name` is also the value of --checks/--exclude-checks. */
export interface Check {
  name: string;
  description: string;
  run(exchange: Exchange, context: CheckContext): Finding[] | Promise<Finding[]>;
}
