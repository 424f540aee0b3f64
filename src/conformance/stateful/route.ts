import { decodePathParams, type ProblemDetails } from '../../core/index.js';
import { OperationIndex, type Operation } from '../../openapi/index.js';

/** An operation with the path values of one request; `problem` when their encoding is malformed (the pipeline's 400). */
export interface Routed {
  operation: Operation;
  pathParams: Record<string, string>;
  problem?: ProblemDetails;
}

// Every sequence has a judge with a router; the index only depends on the operations, so a
// document's is built once, not a hundred times a run (GitHub's has a thousand operations).
const indexes = new WeakMap<readonly Operation[], OperationIndex>();

/** Matches requests to the document's operations, as the target's router would. */
export class OperationRouter {
  #index: OperationIndex;

  constructor(operations: readonly Operation[]) {
    let index = indexes.get(operations);
    if (!index) indexes.set(operations, (index = new OperationIndex(operations)));
    this.#index = index;
  }

  /** The operation for `method` and `path` (no query string), or undefined when none is declared. */
  route(method: string, path: string): Routed | undefined {
    const match = this.#index.match(method, path);
    if (!match?.operation || match.operation.method !== method.toUpperCase()) return undefined;
    const decoded = decodePathParams(match.rawParams);
    if (!decoded.ok)
      return { operation: match.operation, pathParams: { ...match.rawParams }, problem: { ...decoded.problem, instance: path } };
    return { operation: match.operation, pathParams: decoded.params };
  }
}
