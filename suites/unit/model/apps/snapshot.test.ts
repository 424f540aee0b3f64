import { describe, expect, it } from 'vitest';
import { createAppsModel } from '../../../../src/model/apps/index.js';
import type { AppsModel, AppsOperationId, AppsSnapshot } from '../../../../src/model/apps/index.js';
import { fakeEnv, harness } from './fake-env.js';

function ask(model: AppsModel, operationId: AppsOperationId, pathParams: Record<string, string> = {}, query: Record<string, string> = {}) {
  return model.handle({ operationId, path: '/p', pathParams, query, headers: {}, body: undefined, violations: [] }).response;
}

describe('snapshots', () => {
  it('restores a model that answers exactly as the original, through a JSON round trip', () => {
    const h = harness();
    const { appId, channelId, token } = h.publishedWebhook();
    h.invoke(appId, channelId, token);
    const draft = h.createApp({ name: 'Draft' });
    const snapshot = JSON.parse(JSON.stringify(h.model.exportSnapshot())) as AppsSnapshot;
    const restored = createAppsModel(h.env, snapshot);
    for (const [op, params, query] of [
      ['list_apps', {}, {}],
      ['get_app', { app_id: appId }, {}],
      ['get_app', { app_id: draft.id }, {}],
      ['list_app_runs', { app_id: appId }, { groupBy: 'hour' }],
    ] as const) {
      expect(ask(restored, op, params, query)).toEqual(ask(h.model, op, params, query));
    }
    // The shared session survives the restore.
    const again = restored.handle({
      operationId: 'invoke_webhook',
      path: '/w',
      pathParams: { app_id: appId, channel_id: channelId },
      query: {},
      headers: { 'x-everruns-webhook-token': token },
      body: undefined,
      violations: [],
    });
    expect(again.response.body).toMatchObject({ created_session: false });
  });

  it('exports a copy that holds the secrets, and mutating it does not touch the model', () => {
    const h = harness();
    const { appId, token } = h.publishedWebhook();
    const snapshot = h.model.exportSnapshot();
    expect(snapshot.version).toBe(1);
    expect(snapshot.apps[0]!.channels[0]!.channel_config['token']).toBe(token);
    snapshot.apps[0]!.name = 'tampered';
    expect((ask(h.model, 'get_app', { app_id: appId }).body as any).name).toBe('Support Bot');
  });

  it('copies the snapshot it is given', () => {
    const h = harness();
    const app = h.createApp();
    const snapshot = h.model.exportSnapshot();
    const restored = createAppsModel(h.env, snapshot);
    snapshot.apps[0]!.name = 'tampered';
    expect((ask(restored, 'get_app', { app_id: app.id }).body as any).name).toBe('Support Bot');
  });

  it('keeps the owner principal, from principal_id or else from the stored apps', () => {
    const h = harness();
    const app = h.createApp();
    const { principal_id: _omitted, ...withoutPrincipal } = h.model.exportSnapshot();
    const restored = createAppsModel(fakeEnv(), withoutPrincipal as AppsSnapshot);
    const created = restored.handle({
      operationId: 'create_app',
      path: '/v1/apps',
      pathParams: {},
      query: {},
      headers: {},
      body: { name: 'n', harness_id: `harness_${'1'.repeat(32)}` },
      violations: [],
    }).response.body as any;
    expect(created.owner_principal_id).toBe(app.owner_principal_id);
  });

  it('lists restored apps newest first by created_at whatever their order in the snapshot', () => {
    const h = harness();
    const older = h.createApp({ name: 'older' });
    h.env.advance(1000);
    const newer = h.createApp({ name: 'newer' });
    const snapshot = h.model.exportSnapshot();
    snapshot.apps.reverse();
    const restored = createAppsModel(h.env, snapshot);
    expect((ask(restored, 'list_apps').body as any).data.map((a: any) => a.id)).toEqual([newer.id, older.id]);
  });

  it('treats deleted apps as absent everywhere', () => {
    const h = harness();
    const { appId, channelId, token } = h.publishedWebhook();
    const snapshot = h.model.exportSnapshot();
    snapshot.apps[0]!.status = 'deleted';
    snapshot.apps[0]!.deleted_at = snapshot.apps[0]!.created_at;
    const restored = createAppsModel(h.env, snapshot);
    for (const op of ['get_app', 'publish_app', 'unpublish_app', 'delete_app', 'list_app_runs'] as const) {
      expect(ask(restored, op, { app_id: appId }).status).toBe(404);
    }
    expect(ask(restored, 'remove_channel', { app_id: appId, channel_id: channelId }).status).toBe(404);
    expect((ask(restored, 'list_apps', {}, { include_archived: 'true' }).body as any).data).toEqual([]);
    const webhook = restored.handle({
      operationId: 'invoke_webhook',
      path: '/w',
      pathParams: { app_id: appId, channel_id: channelId },
      query: {},
      headers: { 'x-everruns-webhook-token': token },
      body: undefined,
      violations: [],
    });
    expect(webhook.response.status).toBe(404);
  });

  it('refuses a snapshot of another version', () => {
    expect(() => createAppsModel(fakeEnv(), { version: 2, apps: [], runs: [] } as unknown as AppsSnapshot)).toThrow(/version 1/);
  });
});

describe('stored configs', () => {
  it('hold exactly what a JSON round trip would (no -0, no undefined members)', () => {
    const h = harness();
    h.createApp({ channel_type: 'a2a', channel_config: { zero: -0, gone: undefined, list: [undefined] } });
    const stored = h.model.exportSnapshot().apps[0]!.channels[0]!.channel_config;
    expect(stored).toEqual(JSON.parse(JSON.stringify(stored)));
    expect(Object.is(stored['zero'], 0)).toBe(true);
    expect(stored).toEqual({ zero: 0, list: [null] });
  });
});
