import { toProblem, type ProblemDetails } from '../core/index.js';
import { PathTemplateMatcher, templateVariables, type Operation } from '../openapi/index.js';

export type RouteResult =
  | { ok: true; operation: Operation; pathParams: Record<string, string> }
  | { ok: false; problem: ProblemDetails; headers?: Record<string, string> };

/** Resolves method + path to an operation, or to the 404/405 problem a client should see. */
export class Router {
  #paths = new PathTemplateMatcher<Map<string, Operation>>();

  #variables = new Map<Operation, string[]>();

  constructor(operations: readonly Operation[]) {
    for (const operation of operations) {
      this.#paths.add(operation.path, () => new Map()).set(operation.method, operation);
      this.#variables.set(operation, templateVariables(operation.path));
    }
  }

  resolve(method: string, path: string): RouteResult {
    const match = this.#paths.match(path);
    if (!match) return { ok: false, problem: toProblem('route_not_found', `no operation is declared for ${path}`, { instance: path }) };
    const methods = match.value;
    // RFC 9110 §9.3.2: HEAD is GET without a body when the document declares no HEAD of its own.
    const operation = methods.get(method) ?? (method === 'HEAD' ? methods.get('GET') : undefined);
    if (!operation) {
      const allow = [...methods.keys()].join(', ');
      return {
        ok: false,
        problem: toProblem('method_not_allowed', `${method} is not declared for ${path}; allowed: ${allow}`, { instance: path }),
        headers: { allow },
      };
    }
    // Templates that differ only in variable names (`{id}` vs `{digest}`) share one node, so names
    // come from the matched operation's own template.
    const names = this.#variables.get(operation) ?? [];
    const pathParams: Record<string, string> = {};
    for (const [index, name] of names.entries()) {
      const raw = match.values[index] ?? '';
      try {
        pathParams[name] = decodeURIComponent(raw);
      } catch {
        return {
          ok: false,
          problem: toProblem('invalid_request', `path parameter ${name} has malformed percent-encoding`, { instance: path }),
        };
      }
    }
    return { ok: true, operation, pathParams };
  }
}
