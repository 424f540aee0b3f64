// Bounds V8's young generation in a mock's own process, so a loaded mock stays near 100 MB.
//
// Why: V8 doubles the young generation each time more bytes have survived its collections than it
// holds, up to 16 MB per semi-space on 64-bit, both of which are touched and resident: 32 MB of a
// loaded mock's RSS, against 12 MB of live heap. Its maximum is fixed when the process starts
// (`--max-semi-space-size`), which a CLI started through its shebang cannot pass; the growth factor
// is read at every growth. A collection observer sets that factor to 1 once the young generation
// has reached the bound, and back to V8's 2 if V8 shrinks it below (its memory reducer does, on an
// idle process). Measured under GET load: peak RSS 85-89 MB against 93-94 MB unbounded, at the same
// CPU per answer; collections come twice as often, and each is as short (survivors are what cost).
import { PerformanceObserver } from 'node:perf_hooks';
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';

/** Both semi-spaces together, as `getHeapSpaceStatistics` reports the new space. */
export const YOUNG_GENERATION_BOUND = 16 * 1024 * 1024;

let observer: PerformanceObserver | undefined;

/** Keeps the young generation at or below `bound` bytes from now on. For a process the mock owns (the CLI), not a library user's. */
export function boundYoungGeneration(bound: number = YOUNG_GENERATION_BOUND): void {
  if (observer) return;
  let frozen = false;
  const adjust = () => {
    const reached = newSpaceSize() >= bound;
    if (reached === frozen) return;
    frozen = reached;
    setFlagsFromString(`--semi-space-growth-factor=${reached ? 1 : 2}`);
  };
  observer = new PerformanceObserver(adjust);
  observer.observe({ entryTypes: ['gc'] });
  adjust();
}

/** The young generation's size now, in bytes. */
export function newSpaceSize(): number {
  return getHeapSpaceStatistics().find((space) => space.space_name === 'new_space')?.space_size ?? 0;
}
