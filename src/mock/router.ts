import { decodePathParams, toProblem, type ProblemDetails } from '../core/index.js';
import { OperationIndex, type DiscriminatorFacts, type Operation } from '../openapi/index.js';

export type RouteResult =
  | { ok: true; operation: Operation; pathParams: Record<string, string>; rawParams: Record<string, string> }
  | { ok: false; problem: ProblemDetails; headers?: Record<string, string> };

/** Resolves method + path to an operation, or to the 404/405 problem a client should see. */
export class Router {
  #index: OperationIndex;

  constructor(operations: readonly Operation[]) {
    this.#index = new OperationIndex(operations);
  }

  /** `facts` tell apart operations whose path keys differ only by a query or fragment discriminator. */
  resolve(method: string, path: string, facts?: DiscriminatorFacts): RouteResult {
    const match = this.#index.match(method, path, facts);
    if (!match) return { ok: false, problem: toProblem('route_not_found', `no operation is declared for ${path}`, { instance: path }) };
    const { operation } = match;
    if (!operation && match.unmatched.length > 0) {
      const keys = match.unmatched.map((candidate) => candidate.path).join(', ');
      return {
        ok: false,
        problem: toProblem('route_not_found', `no ${method} operation on ${path} matches this request; declared: ${keys}`, { instance: path }),
      };
    }
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
    return { ok: true, operation, pathParams: decoded.params, rawParams: match.rawParams };
  }
}
