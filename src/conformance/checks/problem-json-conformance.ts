import { isProblemMediaType, type JsonObject } from '../../core/index.js';
import type { LoadedSpec } from '../../openapi/index.js';
import type { Exchange } from '../findings/exchange.js';
import { findingOf, type Finding } from '../findings/finding.js';
import type { Check } from './check.js';

const speaking = new WeakMap<LoadedSpec, boolean>();

/** True when any response of the document is declared as application/problem+json. */
function speaksProblemJson(spec: LoadedSpec): boolean {
  let known = speaking.get(spec);
  if (known === undefined) {
    known = spec.operations.some((operation) =>
      operation.responses.some((declared) => declared.content.some((media) => isProblemMediaType(media.mediaType))),
    );
    speaking.set(spec, known);
  }
  return known;
}

const NAME = 'problem_json_conformance';

/**
 * Errors are written in one place on a server, so each way of breaking these rules is one finding
 * for the whole API, however many operations show it.
 *
 * Every 4xx/5xx is RFC 9457 problem details (a title, the HTTP status), then whatever the domain
 * plug-ins' problem rules add — for documents that speak problem+json. A document that declares
 * no error in that media type (petstore's bodiless 400s, GitHub's basic-error) has made no such
 * promise, so the rule is not held against it; its error shapes are response_schema_conformance's business.
 */
export const problemJsonConformance: Check = {
  name: NAME,
  description: 'every 4xx/5xx is application/problem+json with a title and the HTTP status, and keeps the problem rules of its domain',
  run(exchange, context) {
    const { response } = exchange;
    if (response.status < 400 || exchange.request.method === 'HEAD') return [];
    if (!speaksProblemJson(context.spec)) return [];
    const contentType = response.headers['content-type'];
    if (!isProblemMediaType(contentType)) {
      return [
        issue(
          exchange,
          'media',
          'Error is not application/problem+json',
          'Content-Type application/problem+json',
          contentType ? `Content-Type ${contentType}` : 'no Content-Type header',
        ),
      ];
    }
    const body = exchange.json;
    if (body === null || typeof body !== 'object' || Array.isArray(body)) {
      return [
        issue(
          exchange,
          'body',
          'Problem body is not a JSON object',
          'a JSON object with title and status',
          exchange.parseError ?? describe(body),
        ),
      ];
    }
    const problem = body as JsonObject;
    const findings: Finding[] = [];
    if (typeof problem.title !== 'string')
      findings.push(issue(exchange, 'title', 'Problem without a title', 'a string title', `title: ${describe(problem.title)}`));
    if (problem.status !== response.status) {
      findings.push(
        issue(
          exchange,
          'status',
          'Problem status disagrees with the HTTP status',
          `status: ${response.status}`,
          `status: ${describe(problem.status)}`,
        ),
      );
    }
    for (const rule of context.problemRules) {
      for (const found of rule(problem, response)) findings.push(issue(exchange, found.key, found.title, found.expected, found.received));
    }
    return findings;
  },
};

function issue(exchange: Exchange, key: string, title: string, expected: string, received: string): Finding {
  return findingOf(NAME, exchange, { title, expected, received, key, scope: 'api' });
}

function describe(value: unknown): string {
  return value === undefined ? 'missing' : JSON.stringify(value);
}
