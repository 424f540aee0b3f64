import type { RunRecord } from './records.js';

/** The observable state of a run at some instant. */
export interface RunState {
  status: 'ok' | 'err' | 'running';
  completed_at: string | null;
}

/**
 * Derives a run's status lazily: it is `running` until `created_at + durationMs`, then its drawn
 * outcome. Nothing is written when a run completes, so completion needs no timer.
 */
export function runState(run: RunRecord, nowMs: number, durationMs: number): RunState {
  const doneAt = Date.parse(run.created_at) + Math.max(0, durationMs);
  if (!(nowMs >= doneAt)) return { status: 'running', completed_at: null };
  return { status: run.outcome, completed_at: new Date(doneAt).toISOString() };
}
