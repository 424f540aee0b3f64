/** One rule the target broke on one exchange, as data. */
export interface Mismatch {
  /** The stateful check the rule belongs to. */
  check: string;
  title: string;
  expected: string;
  received: string;
  /** Stable within check and operation, for deduplication (`status:400->200`, `field:name`). */
  key: string;
}

/** Thrown inside a command to fail the fast-check property; carries the mismatch that broke it. */
export class MismatchError extends Error {
  readonly mismatch: Mismatch;

  constructor(mismatch: Mismatch) {
    super(`${mismatch.check}: ${mismatch.title}\n  expected: ${mismatch.expected}\n  received: ${mismatch.received}`);
    this.name = 'MismatchError';
    this.mismatch = mismatch;
  }
}

/** A value in a message, clipped so findings stay readable. */
export function show(value: unknown): string {
  const text = value === undefined ? 'absent' : JSON.stringify(value);
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}
