/** Lets at most `limit` tasks run at once; the rest wait in arrival order. */
export interface ConcurrencyGate {
  run<T>(task: () => Promise<T>): Promise<T>;
  readonly active: number;
}

/** Creates a gate admitting `limit` concurrent tasks (at least 1). */
export function createConcurrencyGate(limit: number): ConcurrencyGate {
  const max = Math.max(1, Math.floor(limit));
  let active = 0;
  const waiting: Array<() => void> = [];
  // A finishing task hands its slot straight to the next waiter, so a newcomer cannot slip in between.
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else active -= 1;
  };
  return {
    get active() {
      return active;
    },
    async run(task) {
      if (active >= max) await new Promise<void>((resolve) => waiting.push(resolve));
      else active += 1;
      try {
        return await task();
      } finally {
        release();
      }
    },
  };
}
