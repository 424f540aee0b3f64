import type { RequestFacts, ResponseFacts } from '../core/index.js';
import { PlaybackMiss } from '../core/index.js';
import { describeMiss, similarity } from './closest.js';
import type { Suggestion } from './closest.js';
import { fromHarEntry } from './har.js';
import type { Har, HarEntry } from './har-types.js';
import type { RedactOptions } from './redact.js';
import { createRedactor } from './redact.js';
import { requestKey } from './request-key.js';

/** Entries of one recording, or several HAR documents layered in order (later ones win). */
export type PlayerSource = readonly HarEntry[] | readonly Har[] | Har;

/** Options for {@link createPlayer}; use the same redaction rules as the recording. */
export interface PlayerOptions {
  redact?: RedactOptions;
  /** Headers that take part in matching (none by default). */
  matchHeaders?: readonly string[];
}

/** Answers requests from recordings. */
export interface Player {
  /** The recorded response for this request, or undefined; repeats walk the recorded sequence. */
  match(request: RequestFacts): ResponseFacts | undefined;
  /** Like {@link Player.match}, but a miss throws a PlaybackMiss naming the closest recordings. */
  matchOrThrow(request: RequestFacts): ResponseFacts;
  /** The `n` recorded requests most like this one, best first. */
  closest(request: RequestFacts, n?: number): Suggestion[];
  /** Rewinds every sequence to its first answer. */
  reset(): void;
  /** Distinct recorded requests. */
  readonly size: number;
}

interface Sequence {
  method: string;
  path: string;
  query: string;
  responses: ResponseFacts[];
  next: number;
}

function toLayers(source: PlayerSource): HarEntry[][] {
  if (!Array.isArray(source)) return [(source as Har).log.entries];
  const items = source as readonly (HarEntry | Har)[];
  if (items.length > 0 && 'log' in items[0]!) return (items as Har[]).map((har) => har.log.entries);
  return [items as HarEntry[]];
}

/**
 * Builds a player. Identical requests in one layer form a sequence answered in order, the last
 * answer repeating (like WireMock scenarios); a later layer's sequence replaces an earlier one.
 */
export function createPlayer(source: PlayerSource, options: PlayerOptions = {}): Player {
  const redactor = createRedactor(options.redact);
  // Incoming requests carry real secrets and recordings carry the marker: redacting both the
  // same way before keying makes them meet.
  const keyOf = (request: RequestFacts, bodyDigest?: string) =>
    requestKey(redactor.request(request), { matchHeaders: options.matchHeaders ?? [], ...(bodyDigest ? { bodyDigest } : {}) });

  const sequences = new Map<string, Sequence>();
  for (const entries of toLayers(source)) {
    const layer = new Map<string, Sequence>();
    for (const entry of entries) {
      const recorded = fromHarEntry(entry);
      const key = keyOf(recorded.request, recorded.requestBodyDigest);
      const sequence = layer.get(key) ?? {
        method: recorded.request.method,
        path: recorded.request.path,
        query: recorded.request.query,
        responses: [],
        next: 0,
      };
      sequence.responses.push(recorded.response);
      layer.set(key, sequence);
    }
    for (const [key, sequence] of layer) sequences.set(key, sequence);
  }

  const match = (request: RequestFacts): ResponseFacts | undefined => {
    const sequence = sequences.get(keyOf(request));
    if (!sequence) return undefined;
    const response = sequence.responses[Math.min(sequence.next, sequence.responses.length - 1)]!;
    sequence.next += 1;
    return { status: response.status, headers: { ...response.headers }, body: Buffer.from(response.body) };
  };

  const closest = (request: RequestFacts, n = 3): Suggestion[] =>
    [...sequences.values()]
      .map((s) => ({ method: s.method, url: s.query === '' ? s.path : `${s.path}?${s.query}`, score: similarity(request, s) }))
      .sort((a, b) => b.score - a.score)
      .slice(0, n);

  return {
    match,
    matchOrThrow(request) {
      const response = match(request);
      if (response) return response;
      throw new PlaybackMiss(describeMiss(redactor.request(request), closest(request)));
    },
    closest,
    reset() {
      for (const sequence of sequences.values()) sequence.next = 0;
    },
    get size() {
      return sequences.size;
    },
  };
}
