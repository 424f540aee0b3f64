/** Path templates as segment lists (`/v1/agents/{agent_id}` → `v1`, `agents`, `{agent_id}`). */

// Inference compares every path with every collection; splitting each once keeps GitHub's 1,200
// operations well under a second. The cache is pure memoisation, emptied before it grows large.
const SEGMENTS = new Map<string, readonly string[]>();
const MAX_CACHED = 20_000;

/** The segments of a path template, without empty ones (shared: do not mutate). */
export function segmentsOf(path: string): readonly string[] {
  let segments = SEGMENTS.get(path);
  if (!segments) {
    if (SEGMENTS.size >= MAX_CACHED) SEGMENTS.clear();
    segments = path.split('/').filter((segment) => segment !== '');
    SEGMENTS.set(path, segments);
  }
  return segments;
}

/** Joins segments back into a template. */
export function joinSegments(segments: readonly string[]): string {
  return '/' + segments.join('/');
}

/** The parameter a whole segment names (`{agent_id}` → `agent_id`); undefined for literals and mixed segments. */
export function parameterOf(segment: string): string | undefined {
  const match = /^\{([^{}]+)\}$/.exec(segment);
  return match ? match[1] : undefined;
}

/** True for a segment with no template expression at all. */
export function isLiteral(segment: string): boolean {
  return !segment.includes('{');
}

/** True for a route that reads or writes one item: its last segment holds a parameter (`/v1/models/{id}`). */
export function isItemRoute(template: string): boolean {
  const segments = segmentsOf(template);
  return segments.length > 0 && !isLiteral(segments[segments.length - 1]!);
}

/** Every parameter a template names, in order. */
export function parametersOf(path: string): string[] {
  return [...path.matchAll(/\{([^{}]+)\}/g)].map((match) => match[1]!);
}

/**
 * True when `prefix` is a leading part of `path`, segment by segment, with any two parameter segments
 * matching each other: `/a/{x}` prefixes `/a/{y}/b`, because the router sends both to one node.
 */
export function isPrefixPath(prefix: readonly string[], path: readonly string[]): boolean {
  if (prefix.length > path.length) return false;
  return prefix.every((segment, index) => {
    const other = path[index]!;
    const a = parameterOf(segment);
    const b = parameterOf(other);
    return a !== undefined && b !== undefined ? true : segment === other;
  });
}

/** Fills a template with values (each percent-encoded as one segment, RFC 3986 §3.3). */
export function fillPath(path: string, values: Readonly<Record<string, string>>): string {
  return path.replace(/\{([^{}]+)\}/g, (whole, name: string) => (name in values ? encodeURIComponent(values[name]!) : whole));
}
