import type { JsonObject, ResponseFacts } from '../../core/index.js';

/** One way a problem body breaks a domain's rules; `key` tells causes apart within the check. */
export interface ProblemIssue {
  key: string;
  title: string;
  expected: string;
  received: string;
}

/**
 * A domain plug-in's rule for the problem bodies of its documents (the Apps API's closed
 * `allowed_actions` vocabulary, say), held by problem_json_conformance after its own RFC 9457 rules.
 */
export type ProblemRule = (problem: JsonObject, response: ResponseFacts) => ProblemIssue[];
