import { describe, expect, it } from 'vitest';
import { START, harness, unknownId } from './fake-env.js';

describe('add_channel', () => {
  it('adds an enabled channel (201), moves the app updated_at and keeps existing channels', () => {
    const h = harness();
    const app = h.createApp({ channel_type: 'ag_ui' });
    h.env.advance(1000);
    const outcome = h.call('add_channel', {
      pathParams: { app_id: app.id },
      body: { channel_type: 'webhook', channel_config: { token: 'tok', message: 'm' } },
    });
    expect(outcome.response.status).toBe(201);
    const channel = outcome.response.body as any;
    expect(channel).toMatchObject({ channel_type: 'webhook', enabled: true });
    // The default session mode is shown; the token never is.
    expect(channel.channel_config).toEqual({ message: 'm', token_configured: true, session_mode: 'shared_session' });
    expect(channel.id).toMatch(/^appchan_[0-9a-f]{32}$/);
    const read = h.call('get_app', { pathParams: { app_id: app.id } }).response.body as any;
    expect(read.channels.map((c: any) => c.id)).toEqual([app.channels[0].id, channel.id]);
    expect(read.updated_at).not.toBe(START);
    expect(outcome.changes).toHaveLength(1);
  });

  it('honours enabled: false', () => {
    const h = harness();
    const app = h.createApp();
    const channel = h.call('add_channel', { pathParams: { app_id: app.id }, body: { channel_type: 'fcp', channel_config: {}, enabled: false } }).response.body as any;
    expect(channel.enabled).toBe(false);
  });

  it('validates the body before looking the app up, and refuses archived apps', () => {
    const h = harness();
    const app = h.createApp();
    const bad = [
      { channel_type: 'webhook', channel_config: { message: 'm' } },
      { channel_type: 'pigeon', channel_config: {} },
      { channel_config: {} },
      { channel_type: 'slack' },
      { channel_type: 'slack', channel_config: {}, enabled: 'yes' },
      'not an object',
    ];
    for (const body of bad) {
      expect(h.call('add_channel', { pathParams: { app_id: unknownId('app') }, body }).response.status).toBe(400);
    }
    const good = { channel_type: 'slack', channel_config: {} };
    expect(h.call('add_channel', { pathParams: { app_id: unknownId('app') }, body: good }).response.status).toBe(404);
    h.call('delete_app', { pathParams: { app_id: app.id } });
    const archived = h.call('add_channel', { pathParams: { app_id: app.id }, body: good });
    expect(archived.response.status).toBe(400);
    expect(archived.changes).toEqual([]);
  });

  it('draws no ids for rejected requests', () => {
    const h = harness();
    const app = h.createApp();
    h.call('add_channel', { pathParams: { app_id: app.id }, body: { channel_type: 'webhook', channel_config: {} } });
    // Ids so far: the owner principal (1) and the app (2).
    expect(h.env.newId('probe')).toBe(`probe_${'3'.padStart(32, '0')}`);
  });
});

describe('update_channel', () => {
  it('merges channel_config shallowly, keeps the stored token and toggles enabled', () => {
    const h = harness();
    const { appId, channelId } = h.publishedWebhook({ session_mode: 'session_per_invocation' });
    h.env.advance(1000);
    const outcome = h.call('update_channel', {
      pathParams: { app_id: appId, channel_id: channelId },
      body: { channel_config: { message: 'New {{ app.name }}' }, enabled: false },
    });
    expect(outcome.response.status).toBe(200);
    expect(outcome.response.body).toMatchObject({
      id: channelId,
      enabled: false,
      channel_config: { message: 'New {{ app.name }}', session_mode: 'session_per_invocation', token_configured: true },
      created_at: START,
      updated_at: new Date(Date.parse(START) + 1000).toISOString(),
    });
    const stored = outcome.changes[0]!.record as any;
    expect(stored.channels[0].channel_config.token).toBe('whk_' + 'secret'.repeat(4));
  });

  it('re-validates the merged config', () => {
    const h = harness();
    const { appId, channelId } = h.publishedWebhook();
    for (const channel_config of [{ token: '' }, { message: '  ' }, { session_mode: 'sometimes' }]) {
      const outcome = h.call('update_channel', { pathParams: { app_id: appId, channel_id: channelId }, body: { channel_config } });
      expect(outcome.response.status).toBe(400);
      expect(outcome.changes).toEqual([]);
    }
  });

  it('404s unknown channels and channels of other apps, 400s malformed ones and archived apps', () => {
    const h = harness();
    const { appId, channelId } = h.publishedWebhook();
    const other = h.createApp({ channel_type: 'ag_ui' });
    const update = (app_id: string, channel_id: string) =>
      h.call('update_channel', { pathParams: { app_id, channel_id }, body: { enabled: true } }).response;
    expect(update(appId, unknownId('appchan')).status).toBe(404);
    expect((update(appId, unknownId('appchan')).body as any).code).toBe('channel_not_found');
    expect(update(other.id, channelId).status).toBe(404);
    const malformed = update(appId, 'appchan_123') as any;
    expect(malformed.status).toBe(400);
    expect(malformed.body.detail).toMatch(/^channel_id must be appchan_ followed by 32 lowercase hex digits; got 3 hex digits/);
    h.call('delete_app', { pathParams: { app_id: appId } });
    expect(update(appId, channelId).status).toBe(400);
  });
});

describe('remove_channel', () => {
  it('removes the channel (204) and a second removal is 404', () => {
    const h = harness();
    const app = h.createApp({ channel_type: 'ag_ui' });
    const channelId = app.channels[0].id;
    const removed = h.call('remove_channel', { pathParams: { app_id: app.id, channel_id: channelId } });
    expect(removed.response).toEqual({ status: 204 });
    expect((removed.changes[0]!.record as any).channels).toEqual([]);
    expect(h.call('remove_channel', { pathParams: { app_id: app.id, channel_id: channelId } }).response.status).toBe(404);
  });

  it('refuses archived apps', () => {
    const h = harness();
    const app = h.createApp({ channel_type: 'ag_ui' });
    h.call('delete_app', { pathParams: { app_id: app.id } });
    expect(h.call('remove_channel', { pathParams: { app_id: app.id, channel_id: app.channels[0].id } }).response.status).toBe(400);
  });
});
