import type { Finding, Replay, ReportedFinding } from './finding.js';

/** The identity of a cause: the same check, operation and key are one finding. */
export function findingKey(finding: Pick<Finding, 'check' | 'operation' | 'key'>): string {
  return `${finding.check}\u0000${finding.operation}\u0000${finding.key}`;
}

/**
 * The findings of one run, deduplicated in the order they were first recorded; each new cause is
 * announced once. Findings of set-up requests can be held back (deferred) until generation is
 * over: the generated properties usually meet the same cause and can shrink it and print its replay.
 */
export class FindingBook {
  #byKey = new Map<string, ReportedFinding>();
  #deferred: Finding[] = [];
  #announce: (finding: ReportedFinding) => void;

  constructor(announce: (finding: ReportedFinding) => void = () => {}) {
    this.#announce = announce;
  }

  has(finding: Finding): boolean {
    return this.#byKey.has(findingKey(finding));
  }

  /** Records a new cause (announcing and returning it) or counts another sighting of a known one (returning undefined). */
  record(finding: Finding, replay?: Replay): ReportedFinding | undefined {
    const key = findingKey(finding);
    const known = this.#byKey.get(key);
    if (known) {
      known.count += 1;
      return undefined;
    }
    const entry: ReportedFinding = { ...finding, count: 1, ...(replay ? { replay } : {}) };
    this.#byKey.set(key, entry);
    this.#announce(entry);
    return entry;
  }

  /** Records each finding, all with the same replay. */
  recordAll(findings: readonly Finding[], replay?: Replay): void {
    for (const finding of findings) this.record(finding, replay);
  }

  /** Counts a sighting of a known cause without recording anything new. */
  bump(finding: Finding): void {
    const known = this.#byKey.get(findingKey(finding));
    if (known) known.count += 1;
  }

  /** Holds findings back until {@link flushDeferred}. */
  defer(findings: readonly Finding[]): void {
    this.#deferred.push(...findings);
  }

  /** Records the deferred findings that were not met since. */
  flushDeferred(): void {
    this.recordAll(this.#deferred.filter((finding) => !this.has(finding)));
    this.#deferred = [];
  }

  all(): ReportedFinding[] {
    return [...this.#byKey.values()];
  }
}
