import type { Finding } from './check.js';
import type { ReportedFinding } from './events.js';

/** The identity of a cause: the same check, operation and key are one finding. */
export function findingKey(finding: Pick<Finding, 'check' | 'operation' | 'key'>): string {
  return `${finding.check}\u0000${finding.operation}\u0000${finding.key}`;
}

/** Deduplicated findings in the order they were first recorded. */
export class FindingBook {
  #byKey = new Map<string, ReportedFinding>();

  has(finding: Finding): boolean {
    return this.#byKey.has(findingKey(finding));
  }

  /** Records a new cause (returning it) or counts another sighting of a known one (returning undefined). */
  record(finding: Finding, replay?: ReportedFinding['replay']): ReportedFinding | undefined {
    const key = findingKey(finding);
    const known = this.#byKey.get(key);
    if (known) {
      known.count += 1;
      return undefined;
    }
    const entry: ReportedFinding = { ...finding, count: 1, ...(replay ? { replay } : {}) };
    this.#byKey.set(key, entry);
    return entry;
  }

  /** Counts a sighting of a known cause without recording anything new. */
  bump(finding: Finding): void {
    const known = this.#byKey.get(findingKey(finding));
    if (known) known.count += 1;
  }

  all(): ReportedFinding[] {
    return [...this.#byKey.values()];
  }
}
