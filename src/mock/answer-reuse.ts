import type { IncomingMessage } from 'node:http';
import type { OpenApiDocument, Operation } from '../openapi/index.js';
import type { Violation } from '../validation/index.js';
import type { WireAnswer } from './respond.js';
import { apiKeyHeaders } from './security.js';

/** A request as answer reuse tells requests apart: its target, and every header it carried but a trace id. */
export interface ReuseKey {
  target: string;
  /** Names and values in turn, as received (`rawHeaders` itself when it carries no trace id). */
  headers: readonly string[];
}

/** An answer as it went on the wire, with what the observers were told about its request. */
export interface KeptAnswer extends WireAnswer {
  operation: Operation;
  violations: readonly Violation[];
  /** The layers' state version the answer was computed at. */
  version: number;
  /** The request's headers, as `ReuseKey.headers`. */
  requestHeaders: readonly string[];
}

// Enough for every item a polling client reads; the store is emptied when full rather than ordered.
const MAX_TARGETS = 1024;
// Requests told apart per target: one per client of a few (their credentials or Host differ).
const VARIANTS = 4;
// A bigger body is cheaper to present again than to hold.
const MAX_KEPT_BODY = 64 * 1024;

// Headers a client sets anew on every request to trace it: W3C Trace Context and Baggage, B3
// (Zipkin), AWS X-Ray, Google Cloud, Sentry, Jaeger, Datadog, and the request and correlation ids
// of most SDKs. No step of the mock reads them, so a polling client with tracing on would otherwise
// never see an answer reused.
const TRACE_HEADERS = [
  'x-request-id',
  'request-id',
  'x-correlation-id',
  'traceparent',
  'tracestate',
  'baggage',
  'b3',
  'x-b3-traceid',
  'x-b3-spanid',
  'x-b3-parentspanid',
  'x-b3-sampled',
  'x-b3-flags',
  'x-amzn-trace-id',
  'x-cloud-trace-context',
  'sentry-trace',
  'uber-trace-id',
  'x-datadog-trace-id',
  'x-datadog-parent-id',
];

/**
 * The trace headers a document gives no meaning to. One it declares, as a header parameter or as
 * the header of an API key, is validated or judged, so it may change the answer and stays in the key.
 */
export function traceHeadersOf(document: OpenApiDocument, operations: readonly Operation[]): ReadonlySet<string> {
  const declared = new Set<string>();
  for (const operation of operations) {
    for (const parameter of operation.parameters) if (parameter.in === 'header') declared.add(parameter.name.toLowerCase());
  }
  for (const header of apiKeyHeaders(document)) declared.add(header);
  return new Set(TRACE_HEADERS.filter((header) => !declared.has(header)));
}

/** What is kept for one target: the last few requests' headers, and the answers of those that repeated. */
interface TargetRecord {
  recent: Array<readonly string[]>;
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
 * judged, Accept and Prefer choose) but the trace ids nothing reads, so two requests that differ in
 * anything that could matter never share an answer. An answer is kept once its request repeats: a
 * client sending a new value of some other header every time would otherwise have every answer
 * kept and dropped, costing more than it saves.
 */
export class AnswerReuse {
  readonly #kept = new Map<string, TargetRecord>();

  /** `traceHeaders`: lower-case names left out of the key (`traceHeadersOf`). */
  constructor(readonly traceHeaders: ReadonlySet<string> = new Set()) {}

  /** The key of a GET without a body; undefined for every other request, which is never reused. */
  keyOf(req: IncomingMessage, method: string, target: string): ReuseKey | undefined {
    if (method !== 'GET') return undefined;
    const raw = req.rawHeaders;
    // Compared pair by pair rather than joined into one string: a request without trace ids (most
    // of them) is keyed by its own header list, with nothing allocated.
    let headers: string[] | undefined;
    for (let i = 0; i < raw.length; i += 2) {
      const name = raw[i]!;
      // RFC 9110 §5.1: names are case-insensitive; most clients send them lower-case, so only a name
      // that starts in upper case pays for lower-casing.
      const first = name.charCodeAt(0);
      if (this.traceHeaders.has(first >= 65 && first <= 90 ? name.toLowerCase() : name)) headers ??= raw.slice(0, i);
      else headers?.push(name, raw[i + 1]!);
    }
    return { target, headers: headers ?? raw };
  }

  /** The answer kept for this request at this state version, if any. */
  find(key: ReuseKey, version: number): KeptAnswer | undefined {
    const record = this.#kept.get(key.target);
    if (record === undefined) return undefined;
    for (const kept of record.answers) if (kept.version === version && sameHeaders(kept.requestHeaders, key.headers)) return kept;
    return undefined;
  }

  /** Whether this request was seen lately, so its answer is worth keeping; notes it when not. */
  wanted(key: ReuseKey): boolean {
    let record = this.#kept.get(key.target);
    if (record === undefined) {
      if (this.#kept.size >= MAX_TARGETS) this.#kept.clear();
      this.#kept.set(key.target, (record = { recent: [], answers: [] }));
    }
    if (record.recent.some((seen) => sameHeaders(seen, key.headers))) return true;
    if (record.recent.length >= VARIANTS) record.recent.shift();
    record.recent.push(key.headers);
    return false;
  }

  /** Keeps the answer of a request `wanted` asked for, in place of an older one of the same request. */
  keep(key: ReuseKey, answer: KeptAnswer): void {
    const record = this.#kept.get(key.target);
    if (record === undefined || (answer.body && answer.body.length > MAX_KEPT_BODY)) return;
    const same = record.answers.findIndex((kept) => sameHeaders(kept.requestHeaders, key.headers));
    if (same >= 0) record.answers[same] = answer;
    else {
      if (record.answers.length >= VARIANTS) record.answers.shift();
      record.answers.push(answer);
    }
  }
}

function sameHeaders(a: readonly string[], b: readonly string[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
