import { PathTemplateMatcher, type Operation } from '../../openapi/index.js';

/** An operation with the path values of one request. */
export interface Routed {
  operation: Operation;
  pathParams: Record<string, string>;
}

/** Matches requests to the document's operations, as the target's router would. */
export class OperationRouter {
  #paths = new PathTemplateMatcher<Map<string, Operation>>();

  constructor(operations: readonly Operation[]) {
    for (const operation of operations) this.#paths.add(operation.path, () => new Map()).set(operation.method, operation);
  }

  /** The operation for `method` and `path` (no query string), or undefined when none is declared. */
  route(method: string, path: string): Routed | undefined {
    const match = this.#paths.match(path);
    const operation = match?.value.get(method.toUpperCase());
    if (!match || !operation) return undefined;
    const pathParams: Record<string, string> = {};
    for (const [name, raw] of Object.entries(match.params)) {
      try {
        pathParams[name] = decodeURIComponent(raw);
      } catch {
        pathParams[name] = raw;
      }
    }
    return { operation, pathParams };
  }
}
