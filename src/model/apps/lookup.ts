import type { HandlerContext } from './context.js';
import type { AppRecord } from './records.js';

/** The app named by the `app_id` path parameter, unless it does not exist or is deleted (§4: 404 everywhere). */
export function liveApp(ctx: HandlerContext): AppRecord | undefined {
  const app = ctx.store.app(ctx.request.pathParams['app_id'] ?? '');
  return app === undefined || app.status === 'deleted' ? undefined : app;
}

/** The link to an app's own resource, relative to the API root. */
export function appPath(appId: string): string {
  return `/v1/apps/${appId}`;
}
