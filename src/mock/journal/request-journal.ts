import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HeaderMap } from '../../core/index.js';
import type { Operation } from '../../openapi/index.js';
import { MAX_CAPTURED_BODY } from '../dashboard/capture.js';
import type { RequestObserver } from '../dashboard/request-observer.js';
import { RingBuffer } from '../dashboard/ring-buffer.js';
import type { JournalEntry } from './journal-entry.js';
import { compileFilter, type RequestFilter } from './journal-filter.js';

/** How many requests the journal keeps by default; older ones are dropped first. */
export const DEFAULT_JOURNAL_SIZE = 1000;

// What the request path stores: raw facts only. Paths, queries and bodies are decoded when listed.
interface Pending {
  arrived: number;
  started: number;
  target: string;
  method: string;
  headers: IncomingMessage['headers'];
  /** The body's first bytes, one latin1 character each: a string is one object for the collector, a Buffer three. */
  body: string | undefined;
  size: number;
  operation: string | null;
  status: number;
  durationMs: number;
}

// The request's record rides on its response until it ends: a WeakMap from responses to records
// cost a rehash and an ephemeron write barrier per request, the symbol one monomorphic store.
const PENDING = Symbol('journal record');
type Journalled = ServerResponse & { [PENDING]?: Pending | undefined };

/**
 * The requests the mock received (WireMock's request journal), the last `capacity` of them. It is
 * always on: a request costs one small record and a reference to its headers (and, when it has
 * a body, its first 64 KiB), all of it kept only until `capacity` newer requests push it out.
 * Administration requests (`/__mock/*`) are not journalled.
 */
export class RequestJournal implements RequestObserver {
  readonly watching = true;
  readonly #entries: RingBuffer<Pending>;

  constructor(readonly capacity: number = DEFAULT_JOURNAL_SIZE) {
    this.#entries = new RingBuffer(capacity);
  }

  begin(req: IncomingMessage, res: ServerResponse, arrivedAt: number): void {
    const target = req.url ?? '/';
    if (target.startsWith('/__mock/')) return;
    const pending: Pending = {
      arrived: Date.now() - (performance.now() - arrivedAt),
      started: arrivedAt,
      target,
      method: req.method ?? 'GET',
      headers: req.headers,
      body: undefined,
      size: 0,
      operation: null,
      status: 0,
      durationMs: 0,
    };
    // RFC 9112 §6.3: only these headers announce a body; a request without them pays for no listener.
    if (req.headers['content-length'] !== undefined || req.headers['transfer-encoding'] !== undefined) {
      pending.body = '';
      // Added in the same tick as the body reader, this listener sees the same chunks and takes none.
      req.on('data', (chunk: Buffer) => {
        const room = MAX_CAPTURED_BODY - Math.min(pending.size, MAX_CAPTURED_BODY);
        if (room > 0) pending.body += (chunk.length > room ? chunk.subarray(0, room) : chunk).toString('latin1');
        pending.size += chunk.length;
      });
    }
    (res as Journalled)[PENDING] = pending;
  }

  validated(): void {}

  answered(res: ServerResponse, operation: Operation): void {
    const pending = (res as Journalled)[PENDING];
    if (pending) pending.operation = operation.id;
  }

  ended(_req: IncomingMessage, res: ServerResponse, status: number): void {
    const pending = (res as Journalled)[PENDING];
    if (!pending) return;
    (res as Journalled)[PENDING] = undefined;
    pending.status = status;
    pending.durationMs = Math.round((performance.now() - pending.started) * 10) / 10;
    // Under load an entry lives long enough (1,000 requests) to be promoted to V8's old space, where
    // it waits for a full collection: a new record per request grew the heap of a loaded mock by
    // tens of MB. Once the journal is full, the record the push drops is refilled instead, and the
    // request's own dies young.
    const slot = this.#entries.displaced();
    this.#entries.push(slot ? refill(slot, pending) : pending);
  }

  /** The entries `filter` matches, oldest first; `limit` keeps the newest N of them. */
  list(filter: RequestFilter = {}, limit?: number): JournalEntry[] {
    const matches = compileFilter(filter);
    const found = this.#entries
      .after(0)
      .map(({ id, item }) => toEntry(id, item))
      .filter(matches);
    return limit === undefined ? found : found.slice(-limit);
  }

  /** Forgets every entry; ids keep increasing, so `since=<id>` never points at a newer request. */
  clear(): void {
    this.#entries.clear();
  }
}

// Field by field: Object.assign walks the source's properties generically on every call.
function refill(slot: Pending, from: Pending): Pending {
  slot.arrived = from.arrived;
  slot.started = from.started;
  slot.target = from.target;
  slot.method = from.method;
  slot.headers = from.headers;
  slot.body = from.body;
  slot.size = from.size;
  slot.operation = from.operation;
  slot.status = from.status;
  slot.durationMs = from.durationMs;
  return slot;
}

function toEntry(id: number, pending: Pending): JournalEntry {
  const queryAt = pending.target.indexOf('?');
  const entry: JournalEntry = {
    id,
    at: new Date(pending.arrived).toISOString(),
    method: pending.method,
    path: queryAt < 0 ? pending.target : pending.target.slice(0, queryAt),
    query: queryAt < 0 ? '' : pending.target.slice(queryAt + 1),
    headers: joined(pending.headers),
    status: pending.status,
    operation: pending.operation,
    durationMs: pending.durationMs,
  };
  if (pending.body !== undefined && pending.size > 0) Object.assign(entry, bodyOf(Buffer.from(pending.body, 'latin1'), pending.size));
  return entry;
}

function bodyOf(bytes: Buffer, size: number): Pick<JournalEntry, 'body' | 'bodyEncoding' | 'bodySize' | 'bodyTruncated'> {
  const truncated = size > bytes.length;
  try {
    // A cut body may end inside a UTF-8 sequence; only that last character is then replaced.
    const body = new TextDecoder('utf-8', { fatal: !truncated }).decode(bytes);
    return { body, bodySize: size, ...(truncated ? { bodyTruncated: true as const } : {}) };
  } catch {
    return {
      body: bytes.toString('base64'),
      bodyEncoding: 'base64',
      bodySize: size,
      ...(truncated ? { bodyTruncated: true as const } : {}),
    };
  }
}

function joined(headers: IncomingMessage['headers']): HeaderMap {
  const out: HeaderMap = {};
  for (const [name, value] of Object.entries(headers)) if (value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : value;
  return out;
}
