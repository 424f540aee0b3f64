import type { ResponseFacts } from '../../core/index.js';
import type { LoadedSpec } from '../../openapi/index.js';
import type { SpecValidator } from '../../validation/index.js';
import type { Mismatch } from './mismatch.js';
import type { StatefulRequest } from './options.js';
import type { Routed } from './route.js';

/**
 * Holds each exchange of one sequence against an oracle. It sees only requests and answers, so
 * it judges a replayed reproduction just as the original.
 */
export interface SequenceJudge {
  /** The operation a request goes to, or undefined when the document declares none. */
  route(method: string, path: string): Routed | undefined;
  /** Every rule the answer breaks, the status first; an empty list when it matches the contract. */
  judge(routed: Routed, request: StatefulRequest, response: ResponseFacts, json: unknown): Mismatch[];
  /** The path a DELETE removes what the answer created at, for the runner's clean-up; undefined when it created nothing. */
  createdPath(routed: Routed, response: ResponseFacts, json: unknown): string | undefined;
  /** Every secret the client has sent so far: masked in findings, never to come back. */
  secrets(): readonly string[];
}

/** What a source's judge is built from. */
export interface JudgeOptions {
  spec: LoadedSpec;
  validator: SpecValidator;
  /** The target's base URL, without a trailing slash. */
  target: string;
}
