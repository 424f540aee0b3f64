import type { HandlerContext, OperationHandler } from './context.js';
import { unchanged } from './context.js';
import { archivedRefusal, notFound } from './apps.js';
import { describe } from './app-fields.js';
import { isJsonObject } from '../../core/index.js';
import { channelConfigErrors, isChannelType } from './channel-config.js';
import { FieldErrors, typeName } from './field-errors.js';
import { copyJson } from './json-copy.js';
import { liveApp } from './lookup.js';
import { presentChannel } from './present.js';
import { channelNotFound, invalidFields } from './problems.js';
import type { AppRecord, ChannelRecord } from './records.js';
import type { AppsOutcome } from './types.js';

/** POST /v1/apps/{app_id}/channels: attaches a channel (enabled unless said otherwise). */
export const addChannel: OperationHandler = (ctx) => {
  const errors = new FieldErrors();
  const body = ctx.request.body;
  let channel: ChannelRecord | undefined;
  if (!isJsonObject(body)) {
    errors.add('', `request body must be a JSON object; got ${body === undefined ? 'no body' : typeName(body)}`);
  } else {
    const type = body['channel_type'];
    const enabled = optionalBoolean(errors, body['enabled']);
    const config = configOf(errors, body['channel_config'], true);
    if (!isChannelType(type)) {
      errors.add(
        '/channel_type',
        type === undefined ? 'channel_type is required' : `channel_type is not a known channel type; got ${describe(type)}`,
      );
    } else if (config) {
      errors.addAll(channelConfigErrors(type, config, '/channel_config'));
    }
    if (errors.ok && isChannelType(type) && config) {
      channel = {
        id: '',
        channel_type: type,
        channel_config: config,
        enabled: enabled ?? true,
        created_at: ctx.nowIso,
        updated_at: ctx.nowIso,
        shared_session_id: null,
      };
    }
  }
  if (!channel) return unchanged(invalidFields(errors.list, ctx.request.path, errors.hint));
  const app = liveApp(ctx);
  if (!app) return notFound(ctx);
  if (app.status === 'archived') return archivedRefusal(ctx, app, 'given new channels');
  // The id is drawn only once the request is known to succeed, so rejections consume no ids.
  channel.id = ctx.env.newId('appchan');
  return saveChannels(ctx, app, [...app.channels, channel], { status: 201, body: presentChannel(channel) });
};

/** PATCH /v1/apps/{app_id}/channels/{channel_id}: merges channel_config shallowly, then re-validates it. */
export const updateChannel: OperationHandler = (ctx) => {
  const errors = new FieldErrors();
  const body = ctx.request.body;
  let patch: Record<string, unknown> | undefined;
  let enabled: boolean | undefined;
  if (!isJsonObject(body)) {
    errors.add('', `request body must be a JSON object; got ${body === undefined ? 'no body' : typeName(body)}`);
  } else {
    enabled = optionalBoolean(errors, body['enabled']);
    patch = configOf(errors, body['channel_config'], false);
  }
  if (!errors.ok) return unchanged(invalidFields(errors.list, ctx.request.path, errors.hint));
  const app = liveApp(ctx);
  if (!app) return notFound(ctx);
  if (app.status === 'archived') return archivedRefusal(ctx, app, 'changed');
  const index = channelIndex(app, ctx);
  if (index < 0) return missingChannel(ctx, app);
  const current = app.channels[index]!;
  const config = patch ? { ...current.channel_config, ...patch } : current.channel_config;
  const configErrors = channelConfigErrors(current.channel_type, config, '/channel_config');
  if (configErrors.length > 0) return unchanged(invalidFields(configErrors, ctx.request.path));
  const next: ChannelRecord = {
    ...current,
    channel_config: config,
    enabled: enabled ?? current.enabled,
    updated_at: ctx.nowIso,
  };
  const channels = app.channels.slice();
  channels[index] = next;
  return saveChannels(ctx, app, channels, { status: 200, body: presentChannel(next) });
};

/** DELETE /v1/apps/{app_id}/channels/{channel_id}: detaches the channel; its runs stay. */
export const removeChannel: OperationHandler = (ctx) => {
  const app = liveApp(ctx);
  if (!app) return notFound(ctx);
  if (app.status === 'archived') return archivedRefusal(ctx, app, 'changed');
  const index = channelIndex(app, ctx);
  if (index < 0) return missingChannel(ctx, app);
  const channels = app.channels.filter((_, i) => i !== index);
  return saveChannels(ctx, app, channels, { status: 204 });
};

function saveChannels(ctx: HandlerContext, app: AppRecord, channels: ChannelRecord[], response: AppsOutcome['response']): AppsOutcome {
  const record: AppRecord = { ...app, channels, updated_at: ctx.nowIso };
  ctx.store.putApp(record);
  return { response, changes: [{ kind: 'app', record }] };
}

function channelIndex(app: AppRecord, ctx: HandlerContext): number {
  const id = ctx.request.pathParams['channel_id'];
  return app.channels.findIndex((channel) => channel.id === id);
}

function missingChannel(ctx: HandlerContext, app: AppRecord): AppsOutcome {
  return unchanged(channelNotFound(app.id, ctx.request.pathParams['channel_id'] ?? '', ctx.request.path));
}

// Null means "no change" on PATCH and "default" on POST, as for the app's own fields.
function optionalBoolean(errors: FieldErrors, value: unknown): boolean | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'boolean') return value;
  errors.add('/enabled', `enabled must be a boolean; got ${typeName(value)}`);
  return undefined;
}

function configOf(errors: FieldErrors, value: unknown, required: boolean): Record<string, unknown> | undefined {
  if (value === undefined || value === null) {
    if (required) errors.add('/channel_config', 'channel_config is required (use {} when the type needs no settings)');
    return undefined;
  }
  const copied = isJsonObject(value) ? copyJson(value) : undefined;
  if (!isJsonObject(copied)) {
    errors.add(
      '/channel_config',
      isJsonObject(value) ? 'channel_config must contain only JSON data' : `channel_config must be an object; got ${typeName(value)}`,
    );
    return undefined;
  }
  return copied;
}
