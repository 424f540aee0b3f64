// After this many transport failures in a row an operation is not sent again: each would cost a
// whole timeout and tell nothing new.
const PER_OPERATION = 3;
// After this many in a row, across operations, the target is taken to have stopped answering.
const ACROSS_OPERATIONS = 8;

/**
 * Whether the target still answers: transport failures (timeouts, resets) in a row, per operation
 * and overall. A hanging target is reported as a finding within a few timeouts, not after every
 * generated request has waited out its own.
 */
export class TargetHealth {
  #inARow = 0;
  #byOperation = new Map<string, number>();

  /** Notes one request's outcome: answered, or a transport failure. */
  note(operation: string, failed: boolean): void {
    this.#inARow = failed ? this.#inARow + 1 : 0;
    this.#byOperation.set(operation, failed ? (this.#byOperation.get(operation) ?? 0) + 1 : 0);
  }

  /** True once this operation failed too often in a row to send it again. */
  gaveUp(operation: string): boolean {
    return (this.#byOperation.get(operation) ?? 0) >= PER_OPERATION;
  }

  /** True once the target failed too many requests in a row, whatever the operation. */
  get unresponsive(): boolean {
    return this.#inARow >= ACROSS_OPERATIONS;
  }
}
