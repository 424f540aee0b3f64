import { APPS_PLUGIN, runConformance, type ConformanceOptions, type ConformancePlugin, type RunEvent, type RunSummary } from '../../src/conformance/index.js';

/** The Apps plug-in without its stateful sequences: the stateless checks, with the Apps fixtures and problem rules. */
export const APPS_STATELESS: ConformancePlugin = { ...APPS_PLUGIN, phases: [] };

/** Runs the runner in-process and returns every event plus the final summary. */
export async function collect(options: ConformanceOptions): Promise<{ events: RunEvent[]; summary: RunSummary }> {
  const events: RunEvent[] = [];
  for await (const event of runConformance(options)) events.push(event);
  const finished = events.find((event) => event.type === 'run-finished');
  if (!finished || finished.type !== 'run-finished') throw new Error('the run did not finish');
  return { events, summary: finished.summary };
}

/** The check names that reported findings, deduplicated and sorted. */
export function firedChecks(summary: RunSummary): string[] {
  return [...new Set(summary.findings.map((finding) => finding.check))].sort();
}
