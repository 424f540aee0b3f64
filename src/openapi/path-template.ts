/**
 * Matches request paths against OpenAPI path templates (`/v1/apps/{app_id}`) with a segment trie:
 * literal segments win over templated ones (OAS §4.8.8: concrete paths match first), and matching
 * backtracks so `/a/{x}/c` and `/a/b/{y}` can both be served.
 */
interface TrieNode<T> {
  literals: Map<string, TrieNode<T>>;
  /** Templated segments, each with the regular expression its segment must satisfy. */
  templated: Array<{ pattern: RegExp; names: string[]; next: TrieNode<T> }>;
  value: T | undefined;
}

export interface PathMatch<T> {
  value: T;
  /** Template variables, percent-decoding left to the caller. */
  params: Record<string, string>;
}

const newNode = <T>(): TrieNode<T> => ({ literals: new Map(), templated: [], value: undefined });

export class PathTemplateMatcher<T> {
  #root: TrieNode<T> = newNode();

  /** Registers a template; a second registration of the same template returns the existing value. */
  add(template: string, create: () => T): T {
    let node = this.#root;
    for (const segment of splitPath(template)) {
      if (!segment.includes('{')) {
        let next = node.literals.get(segment);
        if (!next) node.literals.set(segment, (next = newNode()));
        node = next;
        continue;
      }
      const { pattern, names } = compileSegment(segment);
      let entry = node.templated.find((candidate) => candidate.pattern.source === pattern.source);
      if (!entry) {
        entry = { pattern, names, next: newNode() };
        node.templated.push(entry);
        // Segments with more literal text are more specific (`{id}.json` before `{id}`).
        node.templated.sort((a, b) => b.pattern.source.length - a.pattern.source.length);
      }
      node = entry.next;
    }
    node.value ??= create();
    return node.value;
  }

  /** Finds the most specific template that matches `path` (no query string). */
  match(path: string): PathMatch<T> | undefined {
    return this.#walk(this.#root, splitPath(path), 0, {});
  }

  #walk(node: TrieNode<T>, segments: string[], index: number, params: Record<string, string>): PathMatch<T> | undefined {
    if (index === segments.length) return node.value === undefined ? undefined : { value: node.value, params: { ...params } };
    const segment = segments[index]!;
    const literal = node.literals.get(segment);
    if (literal) {
      const found = this.#walk(literal, segments, index + 1, params);
      if (found) return found;
    }
    if (segment === '') return undefined;
    for (const entry of node.templated) {
      const match = entry.pattern.exec(segment);
      if (!match) continue;
      const next = { ...params };
      entry.names.forEach((name, i) => (next[name] = match[i + 1]!));
      const found = this.#walk(entry.next, segments, index + 1, next);
      if (found) return found;
    }
    return undefined;
  }
}

function splitPath(path: string): string[] {
  const trimmed = path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
  return trimmed.split('/').slice(1);
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
