// Bench settings: one place, overridable from the environment so a quick run and a careful run
// use the same code.

const number = (name, fallback) => {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a non-negative number, got ${raw}`);
  return value;
};

/** Settings shared by every target, so the ratios compare like with like. */
export const CONFIG = Object.freeze({
  /** Measured seconds per case. */
  seconds: number('BENCH_SECONDS', 5),
  /** Discarded seconds per case before measuring (JIT, caches, connection set-up). */
  warmupSeconds: number('BENCH_WARMUP_SECONDS', 1),
  connections: number('BENCH_CONNECTIONS', 10),
  /** Spawns per start-up measurement; the median is reported. */
  startupRuns: number('BENCH_STARTUP_RUNS', 3),
  /** Apps held in memory for the scale row. */
  scaleApps: number('BENCH_SCALE_APPS', 100_000),
  /** Runs recorded on the app whose run list is benchmarked. */
  seededRuns: number('BENCH_SEEDED_RUNS', 100),
  /** RSS sampling period while under load. */
  rssSampleMs: 100,
});
