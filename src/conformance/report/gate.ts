import type { ReportedFinding } from '../findings/finding.js';
import type { WaiverStatus } from '../findings/waivers.js';
import type { RunSummary } from '../run/events.js';

/** A run's findings sorted for the reports, and whether the gate passes. */
export interface Gate {
  /** Findings of the target (severity error), not waived. */
  errors: ReportedFinding[];
  /** Document warnings, not waived: listed apart, failing only with `--fail-on warning`. */
  warnings: ReportedFinding[];
  /** Findings a waiver accepts. */
  waived: ReportedFinding[];
  /** The findings that fail the gate. */
  failing: ReportedFinding[];
  expiredWaivers: WaiverStatus[];
  /** Active waivers that accepted nothing: known findings that are gone, or a waiver that names nothing. */
  unusedWaivers: WaiverStatus[];
  /** No failing finding, and the run was not interrupted. */
  passed: boolean;
}

/** Sorts the findings of a run as the gate sees them: what fails it, what is only the document's, what is waived. */
export function gateOf(summary: RunSummary): Gate {
  const waived = summary.findings.filter((finding) => finding.waived);
  const errors = summary.findings.filter((finding) => !finding.waived && finding.severity === 'error');
  const warnings = summary.findings.filter((finding) => !finding.waived && finding.severity === 'warning');
  const failing = summary.failOn === 'warning' ? [...errors, ...warnings] : errors;
  const waivers = summary.waivers ?? [];
  return {
    errors,
    warnings,
    waived,
    failing,
    expiredWaivers: waivers.filter((waiver) => waiver.state === 'expired'),
    unusedWaivers: waivers.filter((waiver) => waiver.state === 'active' && waiver.matched === 0),
    passed: failing.length === 0 && !summary.interrupted,
  };
}
