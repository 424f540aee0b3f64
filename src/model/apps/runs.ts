import type { OperationHandler } from './context.js';
import { unchanged } from './context.js';
import { notFound } from './apps.js';
import { liveApp } from './lookup.js';
import { invalidFields } from './problems.js';
import { runListing } from './run-listing.js';
import { parseWindow } from './run-window.js';

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
  const body = runListing(ctx.store, { appId: app.id, windowMs: window.ms, groupBy: groupBy === 'hour' ? 'hour' : undefined }, ctx.now.getTime(), ctx.env);
  return unchanged({ status: 200, body });
};
