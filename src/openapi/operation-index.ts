import type { Operation } from './operations.js';
import { PathTemplateMatcher, templateVariables } from './path-template.js';

/** The result of looking a request up: the path's operations and, when the method is declared, its own. */
export interface OperationMatch {
  /** Every operation declared on the matched path, by upper-case method. */
  methods: ReadonlyMap<string, Operation>;
  /** The operation for the request's method (HEAD falls back to GET, RFC 9110 §9.3.2). */
  operation: Operation | undefined;
  /** Path values still percent-encoded, named after the operation's own template. */
  rawParams: Record<string, string>;
}

/** Finds the operation a request targets; shared by the mock's router and the conformance runner. */
export class OperationIndex {
  #paths = new PathTemplateMatcher<Map<string, Operation>>();
  #variables = new Map<Operation, string[]>();

  constructor(operations: readonly Operation[]) {
    for (const operation of operations) {
      this.#paths.add(operation.path, () => new Map()).set(operation.method, operation);
      this.#variables.set(operation, templateVariables(operation.path));
    }
  }

  /** Looks up `method` on `path` (no query string); undefined when no template matches the path. */
  match(method: string, path: string): OperationMatch | undefined {
    const found = this.#paths.match(path);
    if (!found) return undefined;
    const upper = method.toUpperCase();
    const operation = found.value.get(upper) ?? (upper === 'HEAD' ? found.value.get('GET') : undefined);
    const rawParams: Record<string, string> = {};
    // Templates that differ only in variable names (`{id}` vs `{digest}`) share one trie node, so
    // names come from the matched operation's own template.
    if (operation) (this.#variables.get(operation) ?? []).forEach((name, index) => (rawParams[name] = found.values[index] ?? ''));
    return { methods: found.value, operation, rawParams };
  }
}
