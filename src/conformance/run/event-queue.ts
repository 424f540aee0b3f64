/** A push-to-pull bridge: the runner pushes events, the caller iterates them as they come. */
export class EventQueue<T> implements AsyncIterable<T> {
  #buffer: T[] = [];
  #wake: (() => void) | undefined;
  #closed = false;
  #error: { error: unknown } | undefined;

  push(value: T): void {
    if (this.#closed) return;
    this.#buffer.push(value);
    this.#signal();
  }

  /** Ends the stream; with an error, the caller receives it after the buffered events. */
  close(error?: { error: unknown }): void {
    this.#closed = true;
    this.#error = error;
    this.#signal();
  }

  #signal(): void {
    const wake = this.#wake;
    this.#wake = undefined;
    wake?.();
  }

  async *[Symbol.asyncIterator](): AsyncIterator<T> {
    for (;;) {
      if (this.#buffer.length > 0) {
        yield this.#buffer.shift()!;
        continue;
      }
      if (this.#closed) {
        if (this.#error) throw this.#error.error;
        return;
      }
      await new Promise<void>((resolve) => {
        this.#wake = resolve;
      });
    }
  }
}
