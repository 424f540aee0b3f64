// Bench settings: one place, overridable from the environment so a quick run and a careful run
// use the same code.

const number = (name, fallback) => {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a non-negative number, got ${raw}`);
  return value;
};

const PARTS = ['throughput', 'scale', 'startup', 'large', 'constrained'];

function parts(raw) {
  if (raw === undefined || raw.trim() === '') return PARTS;
  const chosen = raw.split(',').map((part) => part.trim()).filter(Boolean);
  const unknown = chosen.filter((part) => !PARTS.includes(part));
  if (unknown.length > 0) throw new Error(`BENCH_PARTS names unknown part(s) ${unknown.join(', ')}; the parts are ${PARTS.join(', ')}`);
  return chosen;
}

/** Settings shared by every target, so the ratios compare like with like. */
export const CONFIG = Object.freeze({
  /** Measured seconds per case. */
  seconds: number('BENCH_SECONDS', 5),
  /** Discarded seconds per case before measuring (JIT, caches, connection set-up). */
  warmupSeconds: number('BENCH_WARMUP_SECONDS', 1),
  connections: number('BENCH_CONNECTIONS', 10),
  /** Rounds of the read cases and the ceiling, in turn; each row gives the median round (reads change no state, so they can repeat). */
  readRounds: number('BENCH_READ_ROUNDS', 5),
  /** Spawns per start-up measurement; the median is reported. */
  startupRuns: number('BENCH_STARTUP_RUNS', 3),
  /** Apps held in memory for the scale row. */
  scaleApps: number('BENCH_SCALE_APPS', 100_000),
  /** Runs recorded on the app whose run list is benchmarked. */
  seededRuns: number('BENCH_SEEDED_RUNS', 100),
  /** Seconds a server gets to answer its first request on a large document before the row says it never did. */
  largeStartupTimeoutSeconds: number('BENCH_LARGE_STARTUP_TIMEOUT_SECONDS', 120),
  /** Connections for the row in Imposter's format (their keep-alive row uses 200). */
  imposterConnections: number('BENCH_IMPOSTER_CONNECTIONS', 200),
  /** V8's old-space cap in MB for that row, standing in for Imposter's 256 MB container. */
  imposterHeapMb: number('BENCH_IMPOSTER_HEAP_MB', 256),
  /** Which parts run (comma-separated): throughput, scale, startup, large, constrained. */
  parts: parts(process.env.BENCH_PARTS),
  /** RSS sampling period while under load. */
  rssSampleMs: 100,
});
