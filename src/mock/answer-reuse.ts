import type { IncomingMessage } from 'node:http';
import type { Operation } from '../openapi/index.js';
import type { Violation } from '../validation/index.js';
import type { WireAnswer } from './respond.js';

/** A request as answer reuse tells requests apart: its target, and every header it carried. */
export interface ReuseKey {
  target: string;
  headers: string;
}

/** An answer as it went on the wire, with what the observers were told about its request. */
export interface KeptAnswer extends WireAnswer {
  operation: Operation;
  violations: readonly Violation[];
  /** The layers' state version the answer was computed at. */
  version: number;
  /** The request's headers, as `ReuseKey.headers`. */
  requestHeaders: string;
}

// Enough for every item a polling client reads; the store is emptied when full rather than ordered.
const MAX_TARGETS = 1024;
// Requests told apart per target: one per client of a few (their credentials or Host differ).
const VARIANTS = 4;
// A bigger body is cheaper to present again than to hold.
const MAX_KEPT_BODY = 64 * 1024;

/** What is kept for one target: the last few requests' headers, and the answers of those that repeated. */
interface TargetRecord {
  recent: string[];
  answers: KeptAnswer[];
}

/**
 * Answers kept serialised, for the same request while the state is unchanged. A client polling an
 * item reads it far more often than anything changes it, and its answer is then already known:
 * routing, validation and the layer are skipped, and the bytes go out again.
 *
 * Only a layer can say an answer follows from its state alone (a read, no clock, no random draw:
 * `LayerAnswer.reusable`), and only its `stateVersion` says the state is unchanged; a static
 * stateless answer follows from the document and the request alone. A request is
 * told apart by its target and every header (Host and Forwarded place the links, Authorization is
 * judged, Accept and Prefer choose), so two requests that differ in anything never share an answer.
 * An answer is kept once its request repeats: a client sending a new header value every time (a
 * trace id) would otherwise have every answer kept and dropped, costing more than it saves.
 */
export class AnswerReuse {
  readonly #kept = new Map<string, TargetRecord>();

  /** The key of a GET without a body; undefined for every other request, which is never reused. */
  keyOf(req: IncomingMessage, method: string, target: string): ReuseKey | undefined {
    if (method !== 'GET') return undefined;
    return { target, headers: req.rawHeaders.join('\n') };
  }

  /** The answer kept for this request at this state version, if any. */
  find(key: ReuseKey, version: number): KeptAnswer | undefined {
    const record = this.#kept.get(key.target);
    if (record === undefined) return undefined;
    for (const kept of record.answers) if (kept.requestHeaders === key.headers && kept.version === version) return kept;
    return undefined;
  }

  /** Whether this request was seen lately, so its answer is worth keeping; notes it when not. */
  wanted(key: ReuseKey): boolean {
    let record = this.#kept.get(key.target);
    if (record === undefined) {
      if (this.#kept.size >= MAX_TARGETS) this.#kept.clear();
      this.#kept.set(key.target, (record = { recent: [], answers: [] }));
    }
    if (record.recent.includes(key.headers)) return true;
    if (record.recent.length >= VARIANTS) record.recent.shift();
    record.recent.push(key.headers);
    return false;
  }

  /** Keeps the answer of a request `wanted` asked for, in place of an older one of the same request. */
  keep(key: ReuseKey, answer: KeptAnswer): void {
    const record = this.#kept.get(key.target);
    if (record === undefined || (answer.body && answer.body.length > MAX_KEPT_BODY)) return;
    const same = record.answers.findIndex((kept) => kept.requestHeaders === key.headers);
    if (same >= 0) record.answers[same] = answer;
    else {
      if (record.answers.length >= VARIANTS) record.answers.shift();
      record.answers.push(answer);
    }
  }
}
