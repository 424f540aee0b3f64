import { normalisePath, normaliseQuery } from './request-key.js';

/** A recorded request offered as a near miss. */
export interface Suggestion {
  method: string;
  url: string;
  /** 0..1, higher is closer. */
  score: number;
}

/** The parts of a request that similarity looks at. */
export interface RequestShape {
  method: string;
  path: string;
  query: string;
}

// Weights: the path says most about which operation was meant, the method next, the query least.
const WEIGHT = { method: 0.3, path: 0.5, query: 0.2 };

/** Scores how close a recorded request is to the one that missed. */
export function similarity(wanted: RequestShape, recorded: RequestShape): number {
  const method = wanted.method.toUpperCase() === recorded.method.toUpperCase() ? 1 : 0;
  return (
    WEIGHT.method * method +
    WEIGHT.path * pathSimilarity(wanted.path, recorded.path) +
    WEIGHT.query * queryOverlap(wanted.query, recorded.query)
  );
}

function segments(path: string): string[] {
  return normalisePath(path)
    .split('/')
    .filter((segment) => segment !== '');
}

/** Share of aligned segments that are equal; a segment that differs only in its id half-counts. */
function pathSimilarity(a: string, b: string): number {
  const left = segments(a);
  const right = segments(b);
  const length = Math.max(left.length, right.length);
  if (length === 0) return 1;
  let score = 0;
  for (let i = 0; i < length; i += 1) {
    const x = left[i];
    const y = right[i];
    if (x === undefined || y === undefined) continue;
    if (x === y) score += 1;
    else if (prefixOf(x) !== undefined && prefixOf(x) === prefixOf(y)) score += 0.5;
  }
  return score / length;
}

/** `pet_0193…` → `pet`: ids of one kind share a prefix, so a different id is still "nearly" it. */
function prefixOf(segment: string): string | undefined {
  const match = /^([a-z]+)_[0-9a-z]+$/i.exec(segment);
  return match?.[1];
}

/** Jaccard overlap of `name=value` pairs, with names alone counting half. */
function queryOverlap(a: string, b: string): number {
  const left = normaliseQuery(a);
  const right = normaliseQuery(b);
  if (left.length === 0 && right.length === 0) return 1;
  const jaccard = (x: Set<string>, y: Set<string>) => {
    const union = new Set([...x, ...y]).size;
    return union === 0 ? 1 : [...x].filter((item) => y.has(item)).length / union;
  };
  const pairs = jaccard(new Set(left.map((p) => p.join('='))), new Set(right.map((p) => p.join('='))));
  const names = jaccard(new Set(left.map((p) => p[0])), new Set(right.map((p) => p[0])));
  return (pairs + names) / 2;
}

/** Formats the message for a request nothing matched, naming the closest recordings. */
export function describeMiss(wanted: RequestShape, suggestions: readonly Suggestion[]): string {
  const url = wanted.query === '' ? wanted.path : `${wanted.path}?${wanted.query}`;
  const head = `no recording matches ${wanted.method.toUpperCase()} ${url}`;
  if (suggestions.length === 0) return `${head}; the recordings are empty`;
  const list = suggestions.map((s) => `${s.method} ${s.url} (${s.score.toFixed(2)})`).join(', ');
  return `${head}; closest: ${list}`;
}
