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

// What a request carries until it ends: it dies young, in V8's nursery.
interface Pending {
  arrived: number;
  started: number;
  /** The body's first bytes, one latin1 character each: a string is one object for the collector, a Buffer three. */
  body: string | undefined;
  size: number;
  operation: string | null;
}

// What the journal keeps of a request. Its text (target, headers, body) lives in the slot's own
// buffer, outside V8's heap: a kept `req.headers` object and its strings survived every scavenge
// for 1,000 requests, and that survival is what makes V8 grow its young generation to its 32 MB
// maximum (the journal added 14 MB to the RSS of a loaded mock). A slot is refilled, not replaced,
// once the journal is full, so under load the journal allocates nothing that lives.
interface Slot {
  arrived: number;
  method: string;
  /** `target`, then `name\nvalue\n` per header, then the body's first bytes, as latin1. */
  text: Buffer;
  targetEnd: number;
  headersEnd: number;
  bodyEnd: number;
  /** The body's length in bytes; -1 when the request announced none. */
  size: number;
  operation: string | null;
  status: number;
  durationMs: number;
}

/** A slot's text buffer when the request fits in it: most requests' target and headers do. */
const SLOT_BYTES = 1024;

// The request's record rides on its response until it ends: a WeakMap from responses to records
// cost a rehash and an ephemeron write barrier per request, the symbol one monomorphic store.
const PENDING = Symbol('journal record');
type Journalled = ServerResponse & { [PENDING]?: Pending | undefined };

/**
 * The requests the mock received (WireMock's request journal), the last `capacity` of them. It is
 * always on: a request costs one small record and a copy of its target and headers (and, when it
 * has a body, its first 64 KiB), all of it kept only until `capacity` newer requests push it out.
 * Administration requests (`/__mock/*`) are not journalled.
 */
export class RequestJournal implements RequestObserver {
  readonly watching = true;
  readonly #entries: RingBuffer<Slot>;

  constructor(readonly capacity: number = DEFAULT_JOURNAL_SIZE) {
    this.#entries = new RingBuffer(capacity);
  }

  begin(req: IncomingMessage, res: ServerResponse, arrivedAt: number): void {
    if (req.url?.startsWith('/__mock/')) return;
    const pending: Pending = { arrived: Date.now() - (performance.now() - arrivedAt), started: arrivedAt, body: undefined, size: 0, operation: null };
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

  ended(req: IncomingMessage, res: ServerResponse, status: number): void {
    const pending = (res as Journalled)[PENDING];
    if (!pending) return;
    (res as Journalled)[PENDING] = undefined;
    const slot = this.#entries.displaced() ?? emptySlot();
    slot.arrived = pending.arrived;
    slot.method = req.method ?? 'GET';
    slot.operation = pending.operation;
    slot.status = status;
    slot.durationMs = Math.round((performance.now() - pending.started) * 10) / 10;
    slot.size = pending.body === undefined ? -1 : pending.size;
    writeText(slot, req.url ?? '/', req.headers, pending.body ?? '');
    this.#entries.push(slot);
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

function emptySlot(): Slot {
  return { arrived: 0, method: '', text: Buffer.allocUnsafeSlow(SLOT_BYTES), targetEnd: 0, headersEnd: 0, bodyEnd: 0, size: -1, operation: null, status: 0, durationMs: 0 };
}

// Node's parser gives the target and every header as latin1 text (one byte per character), so a
// latin1 copy gives back exactly what arrived. RFC 9110 §5.5: a field value holds no CR, LF or
// NUL (llhttp refuses them), so `\n` cannot occur inside a name or a value and separates them.
function writeText(slot: Slot, target: string, headers: IncomingMessage['headers'], body: string): void {
  let text = '';
  for (const name in headers) {
    const value = headers[name];
    if (value !== undefined) text += `${name}\n${Array.isArray(value) ? value.join(', ') : value}\n`;
  }
  const needed = target.length + text.length + body.length;
  // A slot grown for one large request goes back to the common size with the next small one.
  if (needed > slot.text.length || (slot.text.length > SLOT_BYTES && needed <= SLOT_BYTES)) slot.text = Buffer.allocUnsafeSlow(Math.max(needed, SLOT_BYTES));
  slot.targetEnd = target.length;
  slot.headersEnd = slot.targetEnd + text.length;
  slot.bodyEnd = slot.headersEnd + body.length;
  slot.text.write(target + text + body, 0, 'latin1');
}

function toEntry(id: number, slot: Slot): JournalEntry {
  const target = slot.text.toString('latin1', 0, slot.targetEnd);
  const queryAt = target.indexOf('?');
  const entry: JournalEntry = {
    id,
    at: new Date(slot.arrived).toISOString(),
    method: slot.method,
    path: queryAt < 0 ? target : target.slice(0, queryAt),
    query: queryAt < 0 ? '' : target.slice(queryAt + 1),
    headers: headersOf(slot.text.toString('latin1', slot.targetEnd, slot.headersEnd)),
    status: slot.status,
    operation: slot.operation,
    durationMs: slot.durationMs,
  };
  // A copy: the slot's buffer is refilled by a later request.
  if (slot.size > 0) Object.assign(entry, bodyOf(Buffer.from(slot.text.subarray(slot.headersEnd, slot.bodyEnd)), slot.size));
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

function headersOf(text: string): HeaderMap {
  const out: HeaderMap = {};
  const parts = text.split('\n');
  // The text ends with a separator, so the last part is empty.
  for (let at = 0; at + 1 < parts.length; at += 2) out[parts[at]!] = parts[at + 1]!;
  return out;
}
