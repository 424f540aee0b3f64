import type { ResourceRecord, ResourceSnapshot } from './model-types.js';

/** The persistence key of a record: its collection, its scope values in order, and its id. */
export function recordKey(collection: string, scopeValues: readonly string[], id: string): string {
  return JSON.stringify([collection, ...scopeValues, id]);
}

/**
 * The records by collection, each collection's map in creation order (a record's `seq` only grows,
 * and replacing a record keeps its place), so a list is a walk and never a sort.
 */
export class ResourceStore {
  readonly #collections = new Map<string, Map<string, ResourceRecord>>();
  #nextSeq = 1;

  /** Rebuilds the store from records already validated, in `seq` order. */
  static fromRecords(records: readonly ResourceRecord[], keyOf: (record: ResourceRecord) => string): ResourceStore {
    const store = new ResourceStore();
    for (const record of [...records].sort((a, b) => a.seq - b.seq)) store.put(keyOf(record), record);
    return store;
  }

  get(collection: string, key: string): ResourceRecord | undefined {
    return this.#collections.get(collection)?.get(key);
  }

  /** Stores a new record or a newer version of one. */
  put(key: string, record: ResourceRecord): void {
    let records = this.#collections.get(record.collection);
    if (!records) this.#collections.set(record.collection, (records = new Map()));
    records.set(key, record);
    if (record.seq >= this.#nextSeq) this.#nextSeq = record.seq + 1;
  }

  delete(collection: string, key: string): void {
    this.#collections.get(collection)?.delete(key);
  }

  /** The `seq` the next new record gets. */
  nextSeq(): number {
    return this.#nextSeq;
  }

  /** Every record of a collection with its key, oldest first. */
  entries(collection: string): Iterable<[string, ResourceRecord]> {
    return this.#collections.get(collection) ?? [];
  }

  /** A deep copy of every record, oldest first. */
  snapshot(): ResourceSnapshot {
    const records: ResourceRecord[] = [];
    for (const collection of this.#collections.values()) for (const record of collection.values()) records.push(record);
    records.sort((a, b) => a.seq - b.seq);
    return structuredClone({ version: 1, records });
  }
}
