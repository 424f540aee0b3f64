import type { ServerResponse } from 'node:http';

/** One response in the list; handed back by `add` so that `delete` needs no lookup. */
export interface InFlightEntry {
  readonly res: ServerResponse;
  prev: InFlightEntry | undefined;
  next: InFlightEntry | undefined;
}

/**
 * The responses not yet finished, as a linked list. A long-lived `Set` with an add and a delete
 * per request rehashes its table every few dozen requests, and once the set sits in V8's old space
 * each new table is allocated there too: a heap profile of a loaded mock showed it as ~120 B of
 * old-space garbage per request, left for the next full collection. An entry here dies young.
 */
export class InFlight implements Iterable<ServerResponse> {
  #head: InFlightEntry | undefined;
  #size = 0;

  get size(): number {
    return this.#size;
  }

  add(res: ServerResponse): InFlightEntry {
    const entry: InFlightEntry = { res, prev: undefined, next: this.#head };
    if (this.#head) this.#head.prev = entry;
    this.#head = entry;
    this.#size++;
    return entry;
  }

  /** Removes an entry `add` returned; a second delete of the same entry does nothing. */
  delete(entry: InFlightEntry): void {
    if (entry.prev) entry.prev.next = entry.next;
    else if (this.#head === entry) this.#head = entry.next;
    else return;
    if (entry.next) entry.next.prev = entry.prev;
    entry.prev = entry.next = undefined;
    this.#size--;
  }

  *[Symbol.iterator](): Iterator<ServerResponse> {
    for (let entry = this.#head; entry; entry = entry.next) yield entry.res;
  }
}
