import type { HandlerContext, OperationHandler } from './context.js';
import { unchanged } from './context.js';
import { bearerToken, secretsEqual } from '../../core/index.js';
import { sessionModeOf } from './channel-config.js';
import { describeIdProblem, isPublicId } from './ids.js';
import { appPath } from './lookup.js';
import { appNotFound, channelNotFound, problemResponse } from './problems.js';
import type { AppRecord, ChannelRecord, RunRecord } from './records.js';
import { renderTemplate } from './template.js';
import type { AppsOutcome, StateChange } from './types.js';
import { readWebhookBody, webhookTemplateContext } from './webhook-context.js';

/**
 * POST /v1/apps/{app_id}/webhooks/{channel_id}, with the checks in the order §4 fixes: app,
 * published, channel, enabled, token. The API key does not apply; the channel token does.
 */
export const invokeWebhook: OperationHandler = (ctx) => {
  const { pathParams, path } = ctx.request;
  const appId = pathParams['app_id'] ?? '';
  const app = isPublicId(appId, 'app') ? ctx.store.app(appId) : undefined;
  if (!app || app.status === 'deleted') {
    // This route declares no 400, so a malformed id is simply not found, but the detail says why.
    return unchanged(appNotFound(appId, path, describeIdProblem('app_id', appId, 'app')));
  }
  if (app.status !== 'published') return unchanged(notPublished(app, path));
  const channelId = pathParams['channel_id'] ?? '';
  const channel = isPublicId(channelId, 'appchan') ? app.channels.find((c) => c.id === channelId) : undefined;
  if (!channel || channel.channel_type !== 'webhook') {
    const why = channel ? ' of type webhook' : '';
    return unchanged(channelNotFound(app.id, channelId, path, why));
  }
  if (!channel.enabled) return unchanged(disabled(app, channel, path));
  const refusal = checkToken(ctx, channel);
  if (refusal) return refusal;
  return accept(ctx, app, channel);
};

function accept(ctx: HandlerContext, app: AppRecord, channel: ChannelRecord): AppsOutcome {
  const changes: StateChange[] = [];
  let sessionId: string;
  let created: boolean;
  if (sessionModeOf(channel.channel_config) === 'session_per_invocation') {
    sessionId = ctx.env.newId('session');
    created = true;
  } else if (typeof channel.shared_session_id === 'string') {
    sessionId = channel.shared_session_id;
    created = false;
  } else {
    sessionId = ctx.env.newId('session');
    created = true;
    const record: AppRecord = {
      ...app,
      channels: app.channels.map((c) => (c.id === channel.id ? { ...c, shared_session_id: sessionId } : c)),
    };
    ctx.store.putApp(record);
    changes.push({ kind: 'app', record });
  }
  const body = readWebhookBody(ctx.request.rawBody, ctx.request.body);
  const template = channel.channel_config['message'];
  const name = channel.channel_config['name'];
  const run: RunRecord = {
    id: ctx.env.newId('run'),
    app_id: app.id,
    channel_id: channel.id,
    channel_type: channel.channel_type,
    channel_name: typeof name === 'string' && name.trim() !== '' ? name : null,
    created_at: ctx.nowIso,
    outcome: ctx.env.random() < ctx.env.runFailureRate ? 'err' : 'ok',
    session_id: sessionId,
    message:
      typeof template === 'string'
        ? renderTemplate(template, webhookTemplateContext(template, app, channel, ctx.nowIso, body, ctx.request.headers))
        : '',
  };
  ctx.store.addRun(run);
  changes.push({ kind: 'run', record: run });
  return {
    response: { status: 202, body: { accepted: true, created_session: created, session_id: sessionId } },
    changes,
  };
}

function checkToken(ctx: HandlerContext, channel: ChannelRecord): AppsOutcome | undefined {
  const headers = ctx.request.headers;
  // The dedicated header wins over Authorization whenever it is present (§4 step 5); an empty
  // value carries no token, so it does not hide a Bearer token sent alongside.
  const dedicated = headers['x-everruns-webhook-token'];
  const token = typeof dedicated === 'string' && dedicated !== '' ? dedicated : bearerToken(headers['authorization']);
  const expected = channel.channel_config['token'];
  if (token !== undefined && token !== '' && typeof expected === 'string' && secretsEqual(token, expected)) {
    return undefined;
  }
  const detail =
    token === undefined || token === ''
      ? 'This webhook needs its channel token: send X-Everruns-Webhook-Token or Authorization: Bearer <token>.'
      : 'The webhook token does not match the channel token.';
  return unchanged(
    problemResponse('invalid_webhook_token', detail, ctx.request.path, {
      headers: { 'www-authenticate': 'Bearer realm="everruns-webhook"' },
      allowed_actions: [{ rel: 'retry', hint: 'Send the token configured on the channel in X-Everruns-Webhook-Token.' }],
    }),
  );
}

function notPublished(app: AppRecord, instance: string) {
  const path = appPath(app.id);
  const actions =
    app.status === 'draft'
      ? [
          {
            rel: 'retry',
            href: `${path}/publish`,
            method: 'POST',
            operation_id: 'publish_app',
            hint: `Publish the app first: POST ${path}/publish`,
          },
        ]
      : [
          {
            rel: 'get-existing',
            href: path,
            method: 'GET',
            operation_id: 'get_app',
            hint: 'Archived apps no longer accept webhook calls.',
          },
        ];
  return problemResponse('app_not_published', `App ${app.id} is ${app.status}; only published apps accept webhook calls.`, instance, {
    allowed_actions: actions,
  });
}

function disabled(app: AppRecord, channel: ChannelRecord, instance: string) {
  const href = `${appPath(app.id)}/channels/${channel.id}`;
  return problemResponse('channel_disabled', `Channel ${channel.id} of app ${app.id} is disabled.`, instance, {
    allowed_actions: [
      {
        rel: 'retry',
        href,
        method: 'PATCH',
        operation_id: 'update_channel',
        schema_ref: '#/components/schemas/UpdateChannelRequest',
        hint: `Enable the channel first: PATCH ${href} with {"enabled": true}`,
      },
    ],
  });
}
