import { deepFreeze } from '../../core/index.js';
import type { AllowedAction } from './allowed-action.js';
import type { AppRecord, ChannelRecord, RunRecord } from './records.js';
import { redactConfig } from './redact.js';
import { runState } from './run-status.js';
import type { AppsEnvironment } from './types.js';

/** The wire shape of a channel: its record minus internal fields, with secrets redacted. */
export function presentChannel(channel: ChannelRecord): Record<string, unknown> {
  return {
    id: channel.id,
    channel_type: channel.channel_type,
    channel_config: configForWire(channel),
    enabled: channel.enabled,
    created_at: channel.created_at,
    updated_at: channel.updated_at,
  };
}

// A webhook's session mode is shown even when it was left to its default, so clients need not know it.
function configForWire(channel: ChannelRecord): Record<string, unknown> {
  const config = redactConfig(channel.channel_type, channel.channel_config);
  if (channel.channel_type === 'webhook' && config['session_mode'] === undefined) config['session_mode'] = 'shared_session';
  return config;
}

// Records are immutable (every transition builds a new one), so the wire shape of an app that is
// read again and again can be kept with its record. Only reads fill this bounded cache: keeping a
// shape for every app written would cost the mock a third more memory at 100,000 apps.
const READ_CACHE_LIMIT = 1024;
const readCache = new Map<AppRecord, { baseUrl: string; uiBaseUrl: string; body: Readonly<Record<string, unknown>> }>();

/** {@link presentApp} for repeated reads; the returned object is shared and frozen, never to be mutated. */
export function presentAppForRead(app: AppRecord, env: AppsEnvironment): Readonly<Record<string, unknown>> {
  const known = readCache.get(app);
  if (known && known.baseUrl === env.baseUrl && known.uiBaseUrl === env.uiBaseUrl) return known.body;
  const body = deepFreeze(presentApp(app, env));
  if (readCache.size >= READ_CACHE_LIMIT) readCache.delete(readCache.keys().next().value!);
  readCache.set(app, { baseUrl: env.baseUrl, uiBaseUrl: env.uiBaseUrl, body });
  return body;
}

/** The wire shape of an app (§3), with its links and the actions its state allows. */
export function presentApp(app: AppRecord, env: AppsEnvironment): Record<string, unknown> {
  const selfUrl = `${env.baseUrl}/v1/apps/${app.id}`;
  const viewUrl = `${env.uiBaseUrl}/apps/${app.id}`;
  const owner = { id: app.owner_principal_id, kind: 'user' };
  const body: Record<string, unknown> = {
    id: app.id,
    name: app.name,
    description: app.description,
    harness_id: app.harness_id,
    agent_id: app.agent_id,
    agent_identity_id: app.agent_identity_id,
    agent_version_id: app.agent_version_id,
    agent_version_policy: app.agent_version_policy,
    channels: app.channels.map(presentChannel),
    owner_principal_id: app.owner_principal_id,
    owner,
    effective_owner: { ...owner },
    resolved_owner_user_id: app.resolved_owner_user_id,
    status: app.status,
    created_at: app.created_at,
    updated_at: app.updated_at,
    published_at: app.published_at,
    archived_at: app.archived_at,
    deleted_at: app.deleted_at,
    self_url: selfUrl,
    view_url: viewUrl,
    ui_link: viewUrl,
  };
  const actions = appActions(app, selfUrl);
  if (actions.length > 0) body.allowed_actions = actions;
  return body;
}

/** The wire shape of a run at `nowMs`; the rendered message and session stay internal. */
export function presentRun(run: RunRecord, nowMs: number, env: AppsEnvironment): Record<string, unknown> {
  const state = runState(run, nowMs, env.runDurationMs);
  return {
    id: run.id,
    app_id: run.app_id,
    channel_id: run.channel_id,
    channel_type: run.channel_type,
    channel_name: run.channel_name,
    status: state.status,
    created_at: run.created_at,
    completed_at: state.completed_at,
  };
}

// Entity rels come from the closed vocabulary (§5); update and delete are offered only while
// the app can still be edited and archived.
function appActions(app: AppRecord, selfUrl: string): AllowedAction[] {
  const actions: AllowedAction[] = [{ rel: 'self', href: selfUrl, method: 'GET', operation_id: 'get_app' }];
  const editable = app.status === 'draft' || app.status === 'published';
  if (editable) {
    actions.push({
      rel: 'update',
      href: selfUrl,
      method: 'PATCH',
      operation_id: 'update_app',
      schema_ref: '#/components/schemas/UpdateAppRequest',
      hint:
        app.status === 'draft'
          ? `Edit the app; publish it with POST ${selfUrl}/publish once it has a channel.`
          : `Edit the app; take it offline with POST ${selfUrl}/unpublish.`,
    });
    actions.push({
      rel: 'delete',
      href: selfUrl,
      method: 'DELETE',
      operation_id: 'delete_app',
      hint: 'Archives the app; it stays readable with its runs.',
    });
  }
  actions.push({ rel: 'events', href: `${selfUrl}/runs`, method: 'GET', operation_id: 'list_app_runs' });
  return actions;
}
