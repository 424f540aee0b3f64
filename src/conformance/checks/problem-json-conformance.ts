import { isProblemMediaType } from '../../core/index.js';
import type { LoadedSpec } from '../../openapi/index.js';
import type { Check, Exchange, Finding } from '../check.js';
import { findingOf } from '../finding.js';

/** The closed vocabulary of `allowed_actions[].rel`: error follow-ups and entity actions. */
export const ALLOWED_RELS: ReadonlySet<string> = new Set([
  'retry',
  'retry-later',
  'get-existing',
  'unarchive',
  'self',
  'update',
  'delete',
  'cancel',
  'pause',
  'resume',
  'pin',
  'unpin',
  'events',
]);

const RETRY_STATUSES = new Set([429, 503]);

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
 * Every 4xx/5xx is RFC 9457 problem details with the Apps API's rules on status, actions and retry
 * hints — for documents that speak problem+json. A document that declares no error in that media
 * type (petstore's bodiless 400s, GitHub's basic-error) has made no such promise, so the rule is
 * not held against it; its error shapes are response_schema_conformance's business.
 */
export const problemJsonConformance: Check = {
  name: NAME,
  description: 'every 4xx/5xx is application/problem+json with a title, the HTTP status and valid actions',
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
    const problem = body as Record<string, unknown>;
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
    if (problem.allowed_actions !== undefined) {
      const actions = Array.isArray(problem.allowed_actions) ? problem.allowed_actions : [problem.allowed_actions];
      for (const action of actions) {
        const rel = (action as { rel?: unknown } | null)?.rel;
        if (typeof rel !== 'string' || !ALLOWED_RELS.has(rel)) {
          findings.push(
            issue(
              exchange,
              `rel:${String(rel)}`,
              'Unknown allowed_actions rel',
              `rel in {${[...ALLOWED_RELS].join(', ')}}`,
              `rel: ${describe(rel)}`,
            ),
          );
        }
      }
    }
    if (problem.retry_after_seconds !== undefined && problem.retry_after_seconds !== null) {
      const header = response.headers['retry-after'];
      if (!RETRY_STATUSES.has(response.status)) {
        findings.push(
          issue(
            exchange,
            'retry-after-status',
            'retry_after_seconds on a status that is not 429 or 503',
            'retry_after_seconds only with 429 or 503',
            `retry_after_seconds on ${response.status}`,
          ),
        );
      } else if (header === undefined || header.trim() !== String(problem.retry_after_seconds)) {
        findings.push(
          issue(
            exchange,
            'retry-after-header',
            'retry_after_seconds without a matching Retry-After header',
            `Retry-After: ${describe(problem.retry_after_seconds)}`,
            header === undefined ? 'no Retry-After header' : `Retry-After: ${header}`,
          ),
        );
      }
    }
    return findings;
  },
};

function issue(exchange: Exchange, key: string, title: string, expected: string, received: string): Finding {
  return findingOf(NAME, exchange, { title, expected, received, key: `${key}` });
}

function describe(value: unknown): string {
  return value === undefined ? 'missing' : JSON.stringify(value);
}
