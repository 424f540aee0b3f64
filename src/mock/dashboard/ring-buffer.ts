/** The last `capacity` items pushed, each with an increasing id; older ones are overwritten. */
export class RingBuffer<T> {
  readonly #slots: Array<T | undefined>;
  /** Id of the next item pushed; ids start at 1 so that 0 can mean "before everything". */
  #nextId = 1;
  /** Id of the oldest item `clear()` left visible. */
  #oldest = 1;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`capacity must be a positive integer, got ${capacity}`);
    this.#slots = new Array<T | undefined>(capacity);
  }

  /** Stores `item` and returns its id. */
  push(item: T): number {
    const id = this.#nextId++;
    this.#slots[id % this.capacity] = item;
    return id;
  }

  /** The item the next push overwrites, once the buffer is full; undefined while there is room. */
  displaced(): T | undefined {
    return this.#nextId - this.#oldestId() >= this.capacity ? this.#slots[this.#nextId % this.capacity] : undefined;
  }

  /** The item with this id, unless it was overwritten or never pushed. */
  get(id: number): T | undefined {
    if (!Number.isInteger(id) || id < this.#oldestId() || id >= this.#nextId) return undefined;
    return this.#slots[id % this.capacity];
  }

  /** The items still held whose id is greater than `afterId`, oldest first, with their ids. */
  after(afterId: number): Array<{ id: number; item: T }> {
    const out: Array<{ id: number; item: T }> = [];
    for (let id = Math.max(afterId + 1, this.#oldestId()); id < this.#nextId; id++)
      out.push({ id, item: this.#slots[id % this.capacity]! });
    return out;
  }

  /** Forgets every item; ids keep increasing so a client's Last-Event-ID never points at a new item. */
  clear(): void {
    this.#slots.fill(undefined);
    this.#oldest = this.#nextId;
  }

  #oldestId(): number {
    return Math.max(this.#oldest, this.#nextId - this.capacity);
  }
}
