import type { RunSummary } from '../run/events.js';
import { gateOf } from './gate.js';

/**
 * The exit status of a run: 0 when the gate passes, 1 when a finding fails it, 2 when the run was
 * interrupted before it could decide (it never passes then).
 */
export function exitCodeOf(summary: RunSummary): 0 | 1 | 2 {
  const gate = gateOf(summary);
  if (gate.failing.length > 0) return 1;
  return summary.interrupted ? 2 : 0;
}
