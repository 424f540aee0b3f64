import { decodePathParams, toProblem, type ProblemDetails } from '../core/index.js';
import { OperationIndex, type Operation } from '../openapi/index.js';

export type RouteResult =
  | { ok: true; operation: Operation; pathParams: Record<string, string> }
  | { ok: false; problem: ProblemDetails; headers?: Record<string, string> };

/** Resolves method + path to an operation, or to the 404/405 problem a client should see. */
export class Router {
  #index: OperationIndex;

  constructor(operations: readonly Operation[]) {
    this.#index = new OperationIndex(operations);
  }

  resolve(method: string, path: string): RouteResult {
    const match = this.#index.match(method, path);
    if (!match) return { ok: false, problem: toProblem('route_not_found', `no operation is declared for ${path}`, { instance: path }) };
    const { operation } = match;
    if (!operation) {
      const allow = [...match.methods.keys()].join(', ');
      return {
        ok: false,
        problem: toProblem('method_not_allowed', `${method} is not declared for ${path}; allowed: ${allow}`, { instance: path }),
        headers: { allow },
      };
    }
    const decoded = decodePathParams(match.rawParams);
    if (!decoded.ok) return { ok: false, problem: { ...decoded.problem, instance: path } };
    return { ok: true, operation, pathParams: decoded.params };
  }
}
