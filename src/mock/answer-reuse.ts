import type { IncomingMessage } from 'node:http';
import type { Operation } from '../openapi/index.js';
import type { Violation } from '../validation/index.js';

/** A layer's answer as it went on the wire, with what the observers were told about its request. */
export interface KeptAnswer {
  status: number;
  headers: Readonly<Record<string, string | number>>;
  body: Buffer | undefined;
  operation: Operation;
  violations: readonly Violation[];
  /** The layers' state version the answer was computed at. */
  version: number;
}

// Enough for every item a polling client reads; the store is emptied when full rather than ordered,
// so a client that sends a new header value on every request (a trace id) costs a bounded map.
const MAX_KEPT = 1024;
// A bigger body is cheaper to present again than to hold.
const MAX_KEPT_BODY = 64 * 1024;

/**
 * Answers of stateful layers kept serialised, for the same request while the state is unchanged.
 * A client polling an item reads it far more often than anything changes it, and its answer is then
 * already known: routing, validation and the layer are skipped, and the bytes go out again.
 *
 * Only a layer can say an answer follows from its state alone (a read, no clock, no random draw:
 * `LayerAnswer.reusable`), and only its `version` says the state is unchanged. The key is the whole
 * request: method, target and every header (Host and Forwarded place the links, Authorization is
 * judged, Accept and Prefer choose), so two requests that differ in anything never share an answer.
 */
export class AnswerReuse {
  readonly #kept = new Map<string, KeptAnswer>();

  /** The key of a GET without a body; undefined for every other request, which is never reused. */
  keyOf(req: IncomingMessage, method: string, target: string): string | undefined {
    if (method !== 'GET') return undefined;
    return `${target}\n${req.rawHeaders.join('\n')}`;
  }

  /** The answer kept for `key` at this state version, if any. */
  find(key: string, version: number): KeptAnswer | undefined {
    const kept = this.#kept.get(key);
    if (kept === undefined) return undefined;
    if (kept.version === version) return kept;
    this.#kept.delete(key);
    return undefined;
  }

  keep(key: string, answer: KeptAnswer): void {
    if (answer.body && answer.body.length > MAX_KEPT_BODY) return;
    if (this.#kept.size >= MAX_KEPT) this.#kept.clear();
    this.#kept.set(key, answer);
  }
}
