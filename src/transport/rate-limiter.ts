/** Paces requests; `acquire` resolves when one more may be sent. */
export interface RateLimiter {
  acquire(signal?: AbortSignal): Promise<void>;
}

/** A token bucket refilled at `perSecond` tokens a second, holding at most `burst` (default: one second's worth, at least 1). */
export function createRateLimiter(perSecond: number, burst = Math.max(1, Math.floor(perSecond))): RateLimiter {
  if (!(perSecond > 0)) return { acquire: async () => {} };
  let tokens = burst;
  let last = performance.now();
  // Waiters are served in order so a burst of callers cannot starve an early one.
  let queue: Promise<void> = Promise.resolve();
  const refill = () => {
    const now = performance.now();
    tokens = Math.min(burst, tokens + ((now - last) / 1000) * perSecond);
    last = now;
  };
  const take = async (signal?: AbortSignal) => {
    refill();
    while (tokens < 1) {
      if (signal?.aborted) return;
      await sleep(((1 - tokens) / perSecond) * 1000, signal);
      refill();
    }
    tokens -= 1;
  };
  return {
    acquire(signal) {
      const turn = queue.then(() => take(signal));
      queue = turn.catch(() => {});
      return turn;
    },
  };
}

/** Waits `ms`, or less when `signal` aborts first; never rejects. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}
