import type { Coverage } from '../findings/coverage.js';

/** Whether a run's coverage met `--min-coverage`; `reason` says why not, in one line. */
export interface CoverageVerdict {
  /** The threshold in percent, when one was asked for. */
  minimum?: number;
  met: boolean;
  reason?: string;
}

/** Holds the coverage against the threshold; without one, it is always met. */
export function coverageVerdict(coverage: Coverage, minimum?: number): CoverageVerdict {
  if (minimum === undefined) return { met: true };
  const { declared, exercised } = coverage.responses;
  // The exact share, not the rounded percent: 79.96 % does not meet 80.
  if (exercised * 100 >= minimum * declared) return { minimum, met: true };
  return { minimum, met: false, reason: `coverage ${describeCoverage(coverage)}: below --min-coverage ${minimum}%` };
}

/** `42.8% of declared responses answered (3 of 7), 2 of 3 operations reached`. */
export function describeCoverage(coverage: Coverage): string {
  const { responses, operations } = coverage;
  return `${coverage.percent}% of declared responses answered (${responses.exercised} of ${responses.declared}), ${operations.reached} of ${operations.total} operations reached`;
}
