import { deepFreeze } from '../../core/index.js';
import { presentRun } from './present.js';
import type { AppsStore } from './store.js';
import type { AppsEnvironment } from './types.js';

/** The most runs one listing returns. */
export const MAX_RUNS = 100;

const HOUR_MS = 3_600_000;

/** One bucket of the per-hour histogram. */
export interface RunBucket {
  hour: string;
  ok: number;
  err: number;
  running: number;
}

/** What a listing asks for: whose runs, over which window, with or without the histogram. */
export interface RunQuery {
  appId: string;
  windowMs: number;
  groupBy: 'hour' | undefined;
}

// A listing of 100 runs cost a GET a third of its time in presenting runs and a tenth in
// serialising them, on every request. Its body only changes when something is written, when a run
// enters or leaves the window, or when a running run completes; so it is kept with the instants it
// holds for and handed out again: the same frozen object, which the mock serialises once.
interface Kept {
  body: Readonly<Record<string, unknown>>;
  fromMs: number;
  untilMs: number;
}
const KEPT_LIMIT = 256;
const kept = new WeakMap<AppsStore, { version: number; byQuery: Map<string, Kept> }>();

/** The body of `GET /v1/apps/{app_id}/runs` at `nowMs`; shared between requests and frozen, never to be mutated. */
export function runListing(store: AppsStore, query: RunQuery, nowMs: number, env: AppsEnvironment): Readonly<Record<string, unknown>> {
  let current = kept.get(store);
  if (current?.version !== store.version) kept.set(store, (current = { version: store.version, byQuery: new Map() }));
  const key = `${query.appId}\n${query.windowMs}\n${query.groupBy}\n${env.runDurationMs}`;
  const known = current.byQuery.get(key);
  if (known && known.fromMs <= nowMs && nowMs < known.untilMs) return known.body;
  const listing = listRuns(store, query, nowMs, env);
  if (current.byQuery.size >= KEPT_LIMIT) current.byQuery.clear();
  current.byQuery.set(key, listing);
  return listing.body;
}

/** The runs started inside the window, newest first, and until when that answer holds unchanged. */
function listRuns(store: AppsStore, query: RunQuery, nowMs: number, env: AppsEnvironment): Kept {
  const since = nowMs - query.windowMs;
  const runs = store.runsOf(query.appId);
  const data: Record<string, unknown>[] = [];
  let untilMs = Infinity;
  // Runs are kept in start order, so walking backwards yields newest first and may stop early.
  for (let i = runs.length - 1; i >= 0 && data.length < MAX_RUNS; i--) {
    const run = runs[i]!;
    const at = Date.parse(run.created_at);
    if (at < since) break;
    // A run dated later than now is listed once its start is reached.
    if (at > nowMs) {
      untilMs = Math.min(untilMs, at);
      continue;
    }
    // Listed until `since` passes its start (at < now - window), shown running until it completes.
    untilMs = Math.min(untilMs, at + query.windowMs + 1);
    const presented = presentRun(run, nowMs, env);
    if (presented.status === 'running') untilMs = Math.min(untilMs, at + Math.max(0, env.runDurationMs));
    data.push(presented);
  }
  const body: Record<string, unknown> = { data };
  if (query.groupBy === 'hour') body.buckets = hourBuckets(data);
  return { body: deepFreeze(body), fromMs: nowMs, untilMs };
}

/** Per-UTC-hour counts of the listed runs, oldest hour first; only hours with runs appear. */
export function hourBuckets(runs: readonly Record<string, unknown>[]): RunBucket[] {
  const byHour = new Map<number, RunBucket>();
  for (const run of runs) {
    const hour = Math.floor(Date.parse(run.created_at as string) / HOUR_MS) * HOUR_MS;
    let bucket = byHour.get(hour);
    if (!bucket) byHour.set(hour, (bucket = { hour: new Date(hour).toISOString(), ok: 0, err: 0, running: 0 }));
    bucket[run.status as 'ok' | 'err' | 'running']++;
  }
  return [...byHour.entries()].sort((a, b) => a[0] - b[0]).map(([, bucket]) => bucket);
}
