import type { RunSummary } from '../run/events.js';

/** The exit status of a run: 0 when every check held, 1 when anything was found. */
export function exitCodeOf(summary: RunSummary): 0 | 1 {
  return summary.findings.length === 0 ? 0 : 1;
}
