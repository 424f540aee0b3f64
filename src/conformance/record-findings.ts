import type { Finding } from './check.js';
import type { ReportedFinding } from './events.js';
import type { RunEnv } from './run-env.js';

/** Records findings in the book, announcing each new cause once. */
export function recordFindings(env: RunEnv, findings: readonly Finding[], replay?: ReportedFinding['replay']): void {
  for (const finding of findings) {
    const entry = env.book.record(finding, replay);
    if (entry) env.emit({ type: 'finding-reported', finding: entry });
  }
}

/**
 * Holds findings of set-up requests (fixtures, auth probes) back until generation is over: the
 * generated properties usually meet the same cause and can shrink it and print its replay path.
 */
export function deferFindings(env: RunEnv, findings: readonly Finding[]): void {
  env.deferred.push(...findings);
}

/** Records the deferred findings that generation did not meet on its own. */
export function flushDeferred(env: RunEnv): void {
  recordFindings(
    env,
    env.deferred.filter((finding) => !env.book.has(finding)),
  );
  env.deferred.length = 0;
}
