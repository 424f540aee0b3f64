import type { HandlerContext, OperationHandler } from './context.js';
import { unchanged } from './context.js';
import { parseCreateApp, parseUpdateApp } from './app-fields.js';
import { appPath, liveApp } from './lookup.js';
import { presentApp, presentAppForRead } from './present.js';
import { appArchived, appNotFound, appNotPublishable, invalidFields } from './problems.js';
import type { AppRecord, ChannelRecord } from './records.js';
import type { AppsOutcome } from './types.js';

/** POST /v1/apps: a new draft app, with its first channel when one is described. */
export const createApp: OperationHandler = (ctx) => {
  const { input, errors } = parseCreateApp(ctx.request.body);
  if (!input) return unchanged(invalidFields(errors.list, ctx.request.path, errors.hint));
  const id = ctx.env.newId('app');
  const channels: ChannelRecord[] = [];
  if (input.channel) {
    channels.push({
      id: ctx.env.newId('appchan'),
      channel_type: input.channel.type,
      channel_config: input.channel.config,
      enabled: true,
      created_at: ctx.nowIso,
      updated_at: ctx.nowIso,
      shared_session_id: null,
    });
  }
  const record: AppRecord = {
    id,
    name: input.name,
    description: input.description,
    harness_id: input.harness_id,
    agent_id: input.agent_id,
    agent_identity_id: input.agent_identity_id,
    agent_version_id: input.agent_version_id,
    agent_version_policy: input.agent_version_policy,
    owner_principal_id: ctx.store.principalId,
    resolved_owner_user_id: null,
    status: 'draft',
    channels,
    created_at: ctx.nowIso,
    updated_at: ctx.nowIso,
    published_at: null,
    archived_at: null,
    deleted_at: null,
  };
  ctx.store.putApp(record);
  const body = presentApp(record, ctx.env);
  return {
    response: { status: 201, body, headers: { location: body.self_url as string } },
    changes: [{ kind: 'app', record }],
  };
};

/** GET /v1/apps: newest first; archived apps only on request; `search` matches name or description. */
export const listApps: OperationHandler = (ctx) => {
  const includeArchived = ctx.request.query['include_archived'] === 'true';
  const search = ctx.request.query['search'];
  const needle = typeof search === 'string' ? search.toLowerCase() : '';
  const data: Record<string, unknown>[] = [];
  for (const app of ctx.store.appsNewestFirst()) {
    if (app.status === 'deleted' || (app.status === 'archived' && !includeArchived)) continue;
    if (needle !== '' && !matches(app, needle)) continue;
    data.push(presentApp(app, ctx.env));
  }
  return unchanged({ status: 200, body: { data } });
};

/** GET /v1/apps/{app_id}: archived apps stay readable. */
export const getApp: OperationHandler = (ctx) => {
  const app = liveApp(ctx);
  if (!app) return notFound(ctx);
  return unchanged({ status: 200, body: presentAppForRead(app, ctx.env) });
};

/** PATCH /v1/apps/{app_id}: only given, non-null fields change; `status` may only become archived. */
export const updateApp: OperationHandler = (ctx) => {
  const appId = ctx.request.pathParams['app_id']!;
  const { input, errors } = parseUpdateApp(ctx.request.body, appId);
  if (!input) return unchanged(invalidFields(errors.list, ctx.request.path, errors.hint));
  const app = liveApp(ctx);
  if (!app) return notFound(ctx);
  if (app.status === 'archived') return archivedRefusal(ctx, app, 'edited');
  const { archive, ...fields } = input;
  const next: AppRecord = { ...app, ...fields, updated_at: ctx.nowIso };
  if (next.agent_version_policy === 'pinned' && next.agent_version_id === null) {
    return unchanged(
      invalidFields(
        [{ pointer: '/agent_version_id', detail: 'agent_version_policy pinned needs an agent_version_id' }],
        ctx.request.path,
        'Send agent_version_id together with the pinned policy.',
      ),
    );
  }
  if (archive) {
    next.status = 'archived';
    next.archived_at = app.archived_at ?? ctx.nowIso;
  }
  return save(ctx, next, 200);
};

/** DELETE /v1/apps/{app_id}: archives; archiving an archived app is a no-op. */
export const archiveApp: OperationHandler = (ctx) => {
  const app = liveApp(ctx);
  if (!app) return notFound(ctx);
  if (app.status === 'archived') return unchanged({ status: 204 });
  const next: AppRecord = { ...app, status: 'archived', archived_at: app.archived_at ?? ctx.nowIso, updated_at: ctx.nowIso };
  ctx.store.putApp(next);
  return { response: { status: 204 }, changes: [{ kind: 'app', record: next }] };
};

/** POST /v1/apps/{app_id}/publish: only a draft with at least one channel. */
export const publishApp: OperationHandler = (ctx) => {
  const app = liveApp(ctx);
  if (!app) return notFound(ctx);
  const path = appPath(app.id);
  if (app.status === 'archived') return archivedRefusal(ctx, app, 'published');
  if (app.status === 'published') {
    return unchanged(
      appNotPublishable(`App ${app.id} is already published; publishing is not idempotent.`, ctx.request.path, [
        { rel: 'get-existing', href: path, method: 'GET', operation_id: 'get_app', hint: `Read the published app: GET ${path}` },
      ]),
    );
  }
  if (app.channels.length === 0) {
    return unchanged(
      appNotPublishable(`App ${app.id} has no channels; an app needs at least one channel to be published.`, ctx.request.path, [
        {
          rel: 'retry',
          href: `${path}/channels`,
          method: 'POST',
          operation_id: 'add_channel',
          schema_ref: '#/components/schemas/AddChannelRequest',
          hint: `Add a channel first: POST ${path}/channels, then publish again.`,
        },
      ]),
    );
  }
  return save(ctx, { ...app, status: 'published', published_at: ctx.nowIso, updated_at: ctx.nowIso }, 200);
};

/** POST /v1/apps/{app_id}/unpublish: published → draft; a draft stays as it is. */
export const unpublishApp: OperationHandler = (ctx) => {
  const app = liveApp(ctx);
  if (!app) return notFound(ctx);
  if (app.status === 'archived') return archivedRefusal(ctx, app, 'unpublished');
  if (app.status === 'draft') return unchanged({ status: 200, body: presentApp(app, ctx.env) });
  return save(ctx, { ...app, status: 'draft', updated_at: ctx.nowIso }, 200);
};

/** Stores a new version of an app and answers with it. */
export function save(ctx: HandlerContext, record: AppRecord, status: number): AppsOutcome {
  ctx.store.putApp(record);
  return { response: { status, body: presentApp(record, ctx.env) }, changes: [{ kind: 'app', record }] };
}

/** The 404 for the app named in the path. */
export function notFound(ctx: HandlerContext): AppsOutcome {
  return unchanged(appNotFound(ctx.request.pathParams['app_id'] ?? '', ctx.request.path));
}

/** The 400 for changing an archived app, which is read-only (§4). */
export function archivedRefusal(ctx: HandlerContext, app: AppRecord, verb: string): AppsOutcome {
  const path = appPath(app.id);
  return unchanged(
    appArchived(`App ${app.id} is archived; archived apps cannot be ${verb}.`, ctx.request.path, [
      { rel: 'get-existing', href: path, method: 'GET', operation_id: 'get_app', hint: `Archived apps stay readable: GET ${path}` },
    ]),
  );
}

function matches(app: AppRecord, needle: string): boolean {
  return app.name.toLowerCase().includes(needle) || (app.description?.toLowerCase().includes(needle) ?? false);
}
