import type { CheckTotals } from './events.js';

/** How many requests a run sent, and per check how many exchanges passed and failed. */
export class RunTally {
  #totals: Map<string, CheckTotals>;
  #requests = 0;

  constructor(checks: readonly string[]) {
    this.#totals = new Map(checks.map((check) => [check, { check, passed: 0, failed: 0 }]));
  }

  get requests(): number {
    return this.#requests;
  }

  /** Counts requests sent (one generated case, or a phase's whole count). */
  countRequests(count = 1): void {
    this.#requests += count;
  }

  /** Counts one exchange a check judged: failed, passed, or (with `warned`) showing only document warnings. */
  count(check: string, failed: boolean, warned = false): void {
    const totals = this.#totals.get(check) ?? { check, passed: 0, failed: 0 };
    if (failed) totals.failed += 1;
    else if (warned) totals.warned = (totals.warned ?? 0) + 1;
    else totals.passed += 1;
    this.#totals.set(check, totals);
  }

  /** Sets a check's totals as a phase counted them. */
  set(totals: CheckTotals): void {
    this.#totals.set(totals.check, { ...totals });
  }

  /** The totals of one check. */
  of(check: string): CheckTotals | undefined {
    const totals = this.#totals.get(check);
    return totals && { ...totals };
  }

  /** Every check's totals, in the order the checks were first counted. */
  all(): CheckTotals[] {
    return [...this.#totals.values()].map((totals) => ({ ...totals }));
  }
}
