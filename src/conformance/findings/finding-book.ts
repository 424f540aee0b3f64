import type { Finding, Replay, ReportedFinding } from './finding.js';

// Sightings of an api-wide cause on other operations kept as examples, beside the first one.
const MAX_OCCURRENCES = 3;

/** The identity of a cause: the same check and key, on the same operation unless the cause is api-wide. */
export function findingKey(finding: Pick<Finding, 'check' | 'operation' | 'key' | 'scope'>): string {
  return `${finding.check}\u0000${finding.scope === 'api' ? '*' : finding.operation}\u0000${finding.key}`;
}

/**
 * The findings of one run, grouped by cause in the order they were first recorded; each new
 * cause is announced once, later sightings are counted (and, for an api-wide cause, the
 * operations it was seen on kept, with a few examples). Findings of set-up requests can be held
 * back (deferred) until generation is over: the generated properties usually meet the same cause
 * and can shrink it and print its replay.
 */
export class FindingBook {
  #byKey = new Map<string, ReportedFinding>();
  #deferred: Array<{ finding: Finding; replay: Replay | undefined }> = [];
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
      sighted(known, finding, replay);
      return undefined;
    }
    const entry: ReportedFinding = {
      ...finding,
      count: 1,
      operations: [finding.operation],
      occurrences: [],
      ...(replay ? { replay } : {}),
    };
    this.#byKey.set(key, entry);
    this.#announce(entry);
    return entry;
  }

  /** Records each finding, all with the same replay. */
  recordAll(findings: readonly Finding[], replay?: Replay): void {
    for (const finding of findings) this.record(finding, replay);
  }

  /** Counts a sighting of a known cause without recording anything new; `replay` re-runs this sighting. */
  bump(finding: Finding, replay?: Replay): void {
    const known = this.#byKey.get(findingKey(finding));
    if (known) sighted(known, finding, replay);
  }

  /** Holds findings back until {@link flushDeferred}; `replay` re-runs the request that showed them. */
  defer(findings: readonly Finding[], replay?: Replay): void {
    for (const finding of findings) this.#deferred.push({ finding, replay });
  }

  /** Records the deferred findings that were not met since. */
  flushDeferred(): void {
    for (const { finding, replay } of this.#deferred) {
      if (!this.has(finding)) this.record(finding, replay);
      else this.bump(finding, replay);
    }
    this.#deferred = [];
  }

  all(): ReportedFinding[] {
    return [...this.#byKey.values()];
  }
}

function sighted(known: ReportedFinding, finding: Finding, replay: Replay | undefined): void {
  known.count += 1;
  if (known.operations.includes(finding.operation)) return;
  known.operations.push(finding.operation);
  if (known.occurrences.length < MAX_OCCURRENCES && finding.evidence.length > 0) {
    known.occurrences.push({ operation: finding.operation, evidence: finding.evidence, ...(replay ? { replay } : {}) });
  }
}
