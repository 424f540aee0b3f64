import type { HeaderMap } from '../core/index.js';
import type { Operation } from './operations.js';
import { PathTemplateMatcher, splitPathKey, templateVariables } from './path-template.js';

/** The result of looking a request up: the path's operations and, when the method is declared, its own. */
export interface OperationMatch {
  /** Every operation declared on the matched path, by upper-case method. */
  methods: ReadonlyMap<string, Operation>;
  /** The operation for the request's method (HEAD falls back to GET, RFC 9110 §9.3.2). */
  operation: Operation | undefined;
  /** Path values still percent-encoded, named after the operation's own template. */
  rawParams: Record<string, string>;
  /** The method's operations when path keys tell them apart and the request fits none. */
  unmatched: readonly Operation[];
}

/** What path-key discriminators (`/rest?method=…`, `/tags#tagKeys`) are judged on. */
export interface DiscriminatorFacts {
  query: URLSearchParams;
  headers: HeaderMap;
}

interface Condition {
  name: string;
  value: string | undefined;
  in: 'query' | 'header';
}

interface Candidate {
  operation: Operation;
  conditions: Condition[];
}

interface PathEntry {
  methods: Map<string, Operation>;
  candidates: Map<string, Candidate[]>;
}

const NONE: readonly Operation[] = Object.freeze([]);

/** Finds the operation a request targets; shared by the mock's router and the conformance runner. */
export class OperationIndex {
  #paths = new PathTemplateMatcher<PathEntry>();
  #variables = new Map<Operation, string[]>();

  constructor(operations: readonly Operation[]) {
    for (const operation of operations) {
      const { template, conditions } = splitPathKey(operation.path);
      const entry = this.#paths.add(template, () => ({ methods: new Map(), candidates: new Map() }));
      const list = entry.candidates.get(operation.method) ?? [];
      list.push({ operation, conditions: conditions.map((condition) => locateCondition(operation, condition)) });
      // The key with the most discriminators is the most specific and is tried first.
      list.sort((a, b) => b.conditions.length - a.conditions.length);
      entry.candidates.set(operation.method, list);
      if (!entry.methods.has(operation.method)) entry.methods.set(operation.method, operation);
      this.#variables.set(operation, templateVariables(template));
    }
  }

  /**
   * Looks up `method` on `path` (no query string); undefined when no template matches the path.
   * Without `facts`, operations that share a template and method are not told apart: the one
   * without discriminators (else the first) is chosen.
   */
  match(method: string, path: string, facts?: DiscriminatorFacts): OperationMatch | undefined {
    const found = this.#paths.match(path);
    if (!found) return undefined;
    const upper = method.toUpperCase();
    const { candidates } = found.value;
    const list = candidates.get(upper) ?? (upper === 'HEAD' ? candidates.get('GET') : undefined) ?? [];
    // Nearly every path has one candidate without discriminators; it is taken without a search.
    const only = list.length === 1 && list[0]!.conditions.length === 0 ? list[0] : undefined;
    const chosen =
      only ??
      (facts ? list.find((candidate) => holds(candidate.conditions, facts)) : (list.find((candidate) => candidate.conditions.length === 0) ?? list[0]));
    const operation = chosen?.operation;
    const rawParams: Record<string, string> = {};
    // Templates that differ only in variable names (`{id}` vs `{digest}`) share one trie node, so
    // names come from the matched operation's own template.
    const names = operation ? this.#variables.get(operation) : undefined;
    if (names) for (let index = 0; index < names.length; index++) rawParams[names[index]!] = found.values[index] ?? '';
    return { methods: found.value.methods, operation, rawParams, unmatched: operation ? NONE : list.map((candidate) => candidate.operation) };
  }
}

// A fragment names a parameter (`#tagKeys`, `#X-Amz-Target=…`): a header when the operation
// declares a header of that name, else the query.
function locateCondition(operation: Operation, condition: { name: string; value: string | undefined; from: 'query' | 'fragment' }): Condition {
  const lower = condition.name.toLowerCase();
  const header =
    condition.from === 'fragment' && operation.parameters.some((parameter) => parameter.in === 'header' && parameter.name.toLowerCase() === lower);
  return header ? { name: lower, value: condition.value, in: 'header' } : { name: condition.name, value: condition.value, in: 'query' };
}

function holds(conditions: readonly Condition[], facts: DiscriminatorFacts): boolean {
  return conditions.every((condition) => {
    if (condition.in === 'header') {
      const value = facts.headers[condition.name];
      return condition.value === undefined ? value !== undefined : value === condition.value;
    }
    return condition.value === undefined ? facts.query.has(condition.name) : facts.query.getAll(condition.name).includes(condition.value);
  });
}
