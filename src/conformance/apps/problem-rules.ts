import type { ProblemIssue, ProblemRule } from '../checks/problem-rule.js';

// The closed vocabulary of `allowed_actions[].rel` (spec/ §5): error follow-ups and entity actions.
const ALLOWED_RELS: ReadonlySet<string> = new Set([
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

/** Every `allowed_actions[].rel` of a problem comes from the closed vocabulary. */
const allowedActionRels: ProblemRule = (problem) => {
  if (problem.allowed_actions === undefined) return [];
  const actions = Array.isArray(problem.allowed_actions) ? problem.allowed_actions : [problem.allowed_actions];
  const issues: ProblemIssue[] = [];
  for (const action of actions) {
    const rel = (action as { rel?: unknown } | null)?.rel;
    if (typeof rel === 'string' && ALLOWED_RELS.has(rel)) continue;
    issues.push({
      key: `rel:${String(rel)}`,
      title: 'Unknown allowed_actions rel',
      expected: `rel in {${[...ALLOWED_RELS].join(', ')}}`,
      received: `rel: ${describe(rel)}`,
    });
  }
  return issues;
};

/** `retry_after_seconds` only on 429 and 503, and then equal to the Retry-After header (RFC 9110 §10.2.3). */
const retryAfterSeconds: ProblemRule = (problem, response) => {
  if (problem.retry_after_seconds === undefined || problem.retry_after_seconds === null) return [];
  const header = response.headers['retry-after'];
  if (!RETRY_STATUSES.has(response.status)) {
    return [
      {
        key: 'retry-after-status',
        title: 'retry_after_seconds on a status that is not 429 or 503',
        expected: 'retry_after_seconds only with 429 or 503',
        received: `retry_after_seconds on ${response.status}`,
      },
    ];
  }
  if (header !== undefined && header.trim() === String(problem.retry_after_seconds)) return [];
  return [
    {
      key: 'retry-after-header',
      title: 'retry_after_seconds without a matching Retry-After header',
      expected: `Retry-After: ${describe(problem.retry_after_seconds)}`,
      received: header === undefined ? 'no Retry-After header' : `Retry-After: ${header}`,
    },
  ];
};

/** The Apps API's rules for problem bodies, beyond RFC 9457's. */
export const APPS_PROBLEM_RULES: readonly ProblemRule[] = [allowedActionRels, retryAfterSeconds];

function describe(value: unknown): string {
  return value === undefined ? 'missing' : JSON.stringify(value);
}
