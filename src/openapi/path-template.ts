/**
 * Matches request paths against OpenAPI path templates (`/pets/{pet_id}`) with a segment trie:
 * literal segments win over templated ones (OAS §4.8.8: concrete paths match first), and matching
 * backtracks so `/a/{x}/c` and `/a/b/{y}` can both be served.
 */
interface TrieNode<T> {
  literals: Map<string, TrieNode<T>>;
  /**
   * Templated segments, each with the regular expression its segment must satisfy; `whole` when
   * the segment is one variable and nothing else, which any non-empty segment fills unmatched.
   */
  templated: Array<{ pattern: RegExp; whole: boolean; next: TrieNode<T> }>;
  value: T | undefined;
  /**
   * Variable names in capture order, kept at the end of the template: `/users/{user_id}/x` and
   * `/users/{username}/y` share the trie node of their second segment but not its name.
   */
  names: string[];
}

export interface PathMatch<T> {
  value: T;
  /** Template variables, percent-decoding left to the caller. */
  params: Record<string, string>;
  /** The captured values in template order, for callers whose templates share one node. */
  values: string[];
}

// The pattern `compileSegment` builds for a segment that is one variable alone.
const WHOLE_SEGMENT = compileSegment('{name}').pattern.source;

const newNode = <T>(): TrieNode<T> => ({ literals: new Map(), templated: [], value: undefined, names: [] });

export class PathTemplateMatcher<T> {
  #root: TrieNode<T> = newNode();

  /** Registers a template; a second registration of the same template returns the existing value. */
  add(template: string, create: () => T): T {
    let node = this.#root;
    const allNames: string[] = [];
    for (const segment of splitPath(template).slice(1)) {
      if (!segment.includes('{')) {
        let next = node.literals.get(segment);
        if (!next) node.literals.set(segment, (next = newNode()));
        node = next;
        continue;
      }
      const { pattern, names } = compileSegment(segment);
      allNames.push(...names);
      let entry = node.templated.find((candidate) => candidate.pattern.source === pattern.source);
      if (!entry) {
        entry = { pattern, whole: pattern.source === WHOLE_SEGMENT, next: newNode() };
        node.templated.push(entry);
        // Segments with more literal text are more specific (`{id}.json` before `{id}`).
        node.templated.sort((a, b) => b.pattern.source.length - a.pattern.source.length);
      }
      node = entry.next;
    }
    if (node.value === undefined) {
      node.value = create();
      node.names = allNames;
    }
    return node.value;
  }

  /** Finds the most specific template that matches `path` (no query string). */
  match(path: string): PathMatch<T> | undefined {
    const values: string[] = [];
    const node = this.#walk(this.#root, splitPath(path), 1, values);
    if (!node) return undefined;
    const params: Record<string, string> = {};
    node.names.forEach((name, i) => (params[name] = values[i]!));
    return { value: node.value!, params, values };
  }

  // One `captured` array for the whole walk, popped on backtracking: a copy per templated segment
  // and a regex match per `{name}` segment were a third of the router's allocation per request.
  #walk(node: TrieNode<T>, segments: string[], index: number, captured: string[]): TrieNode<T> | undefined {
    if (index === segments.length) return node.value === undefined ? undefined : node;
    const segment = segments[index]!;
    const literal = node.literals.get(segment);
    if (literal) {
      const found = this.#walk(literal, segments, index + 1, captured);
      if (found) return found;
    }
    if (segment === '') return undefined;
    for (const entry of node.templated) {
      const depth = captured.length;
      if (entry.whole) captured.push(segment);
      else {
        const match = entry.pattern.exec(segment);
        if (!match) continue;
        for (let group = 1; group < match.length; group++) captured.push(match[group]!);
      }
      const found = this.#walk(entry.next, segments, index + 1, captured);
      if (found) return found;
      captured.length = depth;
    }
    return undefined;
  }
}

// The segments from index 1 on: the path starts with `/`, so element 0 is empty (or not a segment).
function splitPath(path: string): string[] {
  const trimmed = path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
  return trimmed.split('/');
}

function compileSegment(segment: string): { pattern: RegExp; names: string[] } {
  const names: string[] = [];
  let source = '^';
  for (const part of segment.split(/(\{[^}]+\})/)) {
    if (part === '') continue;
    if (part.startsWith('{') && part.endsWith('}')) {
      names.push(part.slice(1, -1));
      source += '([^/]+?)';
    } else {
      source += part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    }
  }
  return { pattern: new RegExp(source + '$'), names };
}

/** The variable names of a template in order: `/a/{x}/b/{y}.{z}` → `[x, y, z]`. */
export function templateVariables(template: string): string[] {
  return [...template.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]!);
}

/** One `name` or `name=value` a path key adds after its template to tell operations apart. */
export interface PathKeyCondition {
  name: string;
  value: string | undefined;
  /** `query` for `?name=value`; `fragment` for `#name`, whose name is a query or header parameter. */
  from: 'query' | 'fragment';
}

/**
 * Splits a path key into its template and discriminators. Some documents tell operations on one
 * path apart with a query (`/rest?method=flickr.favorites.getList`) or a fragment (AWS's
 * `/tags/{resourceArn}#tagKeys`, `/#X-Amz-Target=…`); neither is part of the path (OAS §4.8.8).
 */
export function splitPathKey(key: string): { template: string; conditions: PathKeyCondition[] } {
  const hashAt = key.indexOf('#');
  const beforeHash = hashAt < 0 ? key : key.slice(0, hashAt);
  const queryAt = beforeHash.indexOf('?');
  const template = queryAt < 0 ? beforeHash : beforeHash.slice(0, queryAt);
  const conditions: PathKeyCondition[] = [];
  const add = (text: string, from: PathKeyCondition['from']) => {
    for (const pair of text.split('&')) {
      if (pair === '') continue;
      const eq = pair.indexOf('=');
      const name = safeDecode(eq < 0 ? pair : pair.slice(0, eq));
      conditions.push({ name, value: eq < 0 ? undefined : safeDecode(pair.slice(eq + 1)), from });
    }
  };
  if (queryAt >= 0) add(beforeHash.slice(queryAt + 1), 'query');
  if (hashAt >= 0) add(key.slice(hashAt + 1), 'fragment');
  return { template: template === '' ? '/' : template, conditions };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}
