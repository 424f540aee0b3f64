import { describe, expect, it } from 'vitest';
import type { Coverage } from '../../../../src/conformance/findings/coverage.js';
import { coverageVerdict, describeCoverage } from '../../../../src/conformance/report/coverage-gate.js';

function coverage(exercised: number, declared: number): Coverage {
  return {
    percent: Math.floor((exercised * 1000) / declared) / 10,
    responses: { declared, exercised, undeclared: 0 },
    operations: { total: 4, reached: 3 },
    matrix: [],
    unrouted: [],
  };
}

describe('coverageVerdict', () => {
  it('is met without a threshold, and at or above it', () => {
    expect(coverageVerdict(coverage(0, 10))).toEqual({ met: true });
    expect(coverageVerdict(coverage(8, 10), 80)).toEqual({ minimum: 80, met: true });
    expect(coverageVerdict(coverage(0, 10), 0)).toEqual({ minimum: 0, met: true });
  });

  it('holds the exact share, not the rounded percent, and says why in one line', () => {
    // 7996 of 10000 is 79.96 %: not 80, though it would round up to it.
    const verdict = coverageVerdict(coverage(7996, 10_000), 80);
    expect(verdict.met).toBe(false);
    expect(verdict.reason).toBe(
      'coverage 79.9% of declared responses answered (7996 of 10000), 3 of 4 operations reached: below --min-coverage 80%',
    );
    expect(describeCoverage(coverage(1, 3))).toBe('33.3% of declared responses answered (1 of 3), 3 of 4 operations reached');
  });
});
