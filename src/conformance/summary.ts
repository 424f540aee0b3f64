import type { RunEvent, RunSummary } from './events.js';

/** The exit status of a run: 0 when every check held, 1 when anything was found. */
export function exitCodeOf(summary: RunSummary): 0 | 1 {
  return summary.findings.length === 0 ? 0 : 1;
}

/** The summary carried by a finished run's events, or undefined when the run did not finish. */
export function summaryOf(events: readonly RunEvent[]): RunSummary | undefined {
  for (let i = events.length - 1; i >= 0; i--) {
    const event = events[i]!;
    if (event.type === 'run-finished') return event.summary;
  }
  return undefined;
}
