// The "loaded CI machine" condition: busy-loop children that keep every CPU busy while the bench
// measures, started and stopped by the bench itself. They are tracked children of
// bench/mock/processes.js, so stopAll() (in `finally`, on SIGINT/SIGTERM and at exit) kills them too.
import { availableParallelism, loadavg } from 'node:os';
import { spawnTracked, stop } from '../mock/processes.js';

/** How many busy loops the loaded condition runs: BENCH_CONFORM_LOAD, else one per CPU. */
export function loadProcesses() {
  const raw = process.env.BENCH_CONFORM_LOAD;
  if (raw === undefined || raw === '') return availableParallelism();
  const count = Number(raw);
  if (!Number.isInteger(count) || count < 0) throw new Error(`BENCH_CONFORM_LOAD must be a whole number ≥ 0, got ${raw}`);
  return count;
}

// The scheduler has spread them over the CPUs well before this; the wait also lets the 1-minute
// load average start to climb, though it reaches N only after a few minutes (its time constant).
const SETTLE_MS = 2000;

/** Starts `count` busy loops and resolves once they are running; `stop()` ends them all. */
export async function startCpuLoad(count) {
  const children = Array.from({ length: count }, () => spawnTracked(process.execPath, ['-e', 'for (;;) {}']));
  if (count > 0) await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  return { count, stop: () => Promise.all(children.map((child) => stop(child))) };
}

/** The 1-minute load average, as `uptime` prints it. */
export function loadAverage() {
  return loadavg()[0];
}
