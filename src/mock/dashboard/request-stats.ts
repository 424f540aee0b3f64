import type { Operation } from '../../openapi/index.js';

/** How often one operation was answered, by status. */
export interface OperationCount {
  id: string;
  method: string;
  path: string;
  calls: number;
  /** Status → count, e.g. `{"201": 3, "400": 1}`. */
  statuses: Record<string, number>;
  /** The response keys the document declares (`200`, `4XX`, `default`). */
  declared: string[];
}

/** Every counter, as `GET /__mock/stats` answers them. */
export interface StatsReport {
  total: number;
  operations: OperationCount[];
  /** Requests no operation answered (404/405, playback, bodies refused before routing), by status. */
  unrouted: { calls: number; statuses: Record<string, number> };
}

/**
 * Counters of answered requests, per operation and status. Every map is built at start (a status
 * seen for the first time adds one entry), so counting a request allocates nothing.
 */
export class RequestStats {
  readonly #operations: readonly Operation[];
  readonly #byOperation = new Map<Operation, Map<number, number>>();
  readonly #all = new Map<number, number>();

  constructor(operations: readonly Operation[]) {
    this.#operations = operations;
    for (const operation of operations) this.#byOperation.set(operation, new Map());
  }

  /** A routed request was answered. */
  countOperation(operation: Operation, status: number): void {
    const counts = this.#byOperation.get(operation);
    if (counts) counts.set(status, (counts.get(status) ?? 0) + 1);
  }

  /** Any request to the document's API was answered (routed or not). */
  countRequest(status: number): void {
    this.#all.set(status, (this.#all.get(status) ?? 0) + 1);
  }

  /** Zeroes every counter (the dashboard's reset). */
  clear(): void {
    for (const counts of this.#byOperation.values()) counts.clear();
    this.#all.clear();
  }

  report(): StatsReport {
    const unrouted = new Map(this.#all);
    const operations = this.#operations.map((operation) => {
      const counts = this.#byOperation.get(operation)!;
      let calls = 0;
      for (const [status, count] of counts) {
        calls += count;
        unrouted.set(status, (unrouted.get(status) ?? 0) - count);
      }
      return {
        id: operation.id,
        method: operation.method,
        path: operation.path,
        calls,
        statuses: toRecord(counts),
        declared: operation.responses.map((response) => response.key),
      };
    });
    for (const [status, count] of unrouted) if (count <= 0) unrouted.delete(status);
    let total = 0;
    for (const count of this.#all.values()) total += count;
    let unroutedCalls = 0;
    for (const count of unrouted.values()) unroutedCalls += count;
    return { total, operations, unrouted: { calls: unroutedCalls, statuses: toRecord(unrouted) } };
  }
}

function toRecord(counts: ReadonlyMap<number, number>): Record<string, number> {
  const record: Record<string, number> = {};
  for (const [status, count] of [...counts].sort((a, b) => a[0] - b[0])) record[String(status)] = count;
  return record;
}
