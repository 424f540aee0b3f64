import { OperationIndex, type Operation } from '../../openapi/index.js';

/** An operation with the path values of one request. */
export interface Routed {
  operation: Operation;
  pathParams: Record<string, string>;
}

/** Matches requests to the document's operations, as the target's router would. */
export class OperationRouter {
  #index: OperationIndex;

  constructor(operations: readonly Operation[]) {
    this.#index = new OperationIndex(operations);
  }

  /** The operation for `method` and `path` (no query string), or undefined when none is declared. */
  route(method: string, path: string): Routed | undefined {
    const match = this.#index.match(method, path);
    if (!match?.operation || match.operation.method !== method.toUpperCase()) return undefined;
    const pathParams: Record<string, string> = {};
    for (const [name, raw] of Object.entries(match.rawParams)) {
      try {
        pathParams[name] = decodeURIComponent(raw);
      } catch {
        pathParams[name] = raw;
      }
    }
    return { operation: match.operation, pathParams };
  }
}
