import type { OperationHandler } from './context.js';
import { unchanged } from './context.js';
import { notFound } from './apps.js';
import { liveApp } from './lookup.js';
import { presentRun } from './present.js';
import { invalidFields } from './problems.js';
import { parseWindow } from './run-window.js';

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

/** GET /v1/apps/{app_id}/runs: runs started inside the window, newest first, with optional hourly buckets. */
export const listAppRuns: OperationHandler = (ctx) => {
  const { query, path } = ctx.request;
  const window = parseWindow(query['window']);
  const groupBy = query['groupBy'];
  const errors = [];
  if (!window.ok) errors.push({ pointer: '/query/window', detail: window.detail });
  if (groupBy !== undefined && groupBy !== 'hour') {
    errors.push({ pointer: '/query/groupBy', detail: `groupBy must be hour when given; got ${JSON.stringify(groupBy.slice(0, 40))}` });
  }
  if (errors.length > 0 || !window.ok)
    return unchanged(invalidFields(errors, path, 'Use window like 24h (at most 30d) and groupBy=hour or no groupBy.'));
  const app = liveApp(ctx);
  if (!app) return notFound(ctx);
  const nowMs = ctx.now.getTime();
  const since = nowMs - window.ms;
  const runs = ctx.store.runsOf(app.id);
  const data: Record<string, unknown>[] = [];
  // Runs are kept in start order, so walking backwards yields newest first and may stop early.
  for (let i = runs.length - 1; i >= 0 && data.length < MAX_RUNS; i--) {
    const run = runs[i]!;
    const at = Date.parse(run.created_at);
    if (at < since) break;
    if (at > nowMs) continue;
    data.push(presentRun(run, nowMs, ctx.env));
  }
  const body: Record<string, unknown> = { data };
  if (groupBy === 'hour') body.buckets = hourBuckets(data);
  return unchanged({ status: 200, body });
};

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
