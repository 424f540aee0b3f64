/**
 * Lines written together, at most every few milliseconds. A mock under load logs tens of thousands
 * of requests a second; one write(2) per line cost it about a tenth of its throughput, and one write per
 * turn of the event loop (a request or two each under load) still cost it several percent. A person
 * reading the log cannot tell lines written 10 ms late, and a burst larger than a pipe's buffer is
 * written at once rather than held.
 */
export interface LineBatch {
  write(line: string): void;
  /** Writes what is waiting now (before other output, so the order on stdout stays true). */
  flush(): void;
}

/** How long a line may wait for others. */
export const BATCH_MS = 10;
/** What is written at once, waiting or not: a pipe's buffer (64 KiB on Linux) holds it in one write. */
export const BATCH_BYTES = 32 * 1024;

export function lineBatch(out: (text: string) => void): LineBatch {
  let waiting = '';
  let timer: NodeJS.Timeout | undefined;
  const flush = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (waiting === '') return;
    const text = waiting;
    waiting = '';
    out(text);
  };
  return {
    write(line) {
      waiting += line;
      if (waiting.length >= BATCH_BYTES) flush();
      else timer ??= setTimeout(flush, BATCH_MS);
    },
    flush,
  };
}
