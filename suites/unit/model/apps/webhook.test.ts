import { describe, expect, it } from 'vitest';
import { createAppsModel } from '../../../../src/model/apps/index.js';
import { START, harness, unknownId } from './fake-env.js';

describe('invoke_webhook check order (§4)', () => {
  it('answers 404, 403, 404, 403, 401 in that order, recording nothing', () => {
    const h = harness({ apiKey: 'management-key' });
    const auth = { authorization: 'Bearer management-key' };
    const create = h.call('create_app', {
      headers: auth,
      body: { name: 'Hook', harness_id: `harness_${'1'.repeat(32)}`, channel_type: 'webhook', channel_config: { token: 'tok-123', message: 'm' } },
    }).response.body as any;
    const appId = create.id;
    const channelId = create.channels[0].id;
    const status = (app: string, channel: string, token?: string) => h.invoke(app, channel, token);

    // 1. unknown or malformed app, whatever else is wrong
    const unknown = status(unknownId('app'), unknownId('appchan'));
    expect(unknown.response.status).toBe(404);
    expect((unknown.response.body as any).code).toBe('app_not_found');
    const malformed = status('app_123', channelId, 'tok-123');
    expect(malformed.response.status).toBe(404);
    expect((malformed.response.body as any).detail).toMatch(/got 3 hex digits/);
    // 2. draft app: 403 even with no token and an unknown channel
    const draft = status(appId, unknownId('appchan'));
    expect(draft.response.status).toBe(403);
    expect(draft.response.body).toMatchObject({ code: 'app_not_published', title: 'Forbidden' });
    expect((draft.response.body as any).allowed_actions[0]).toMatchObject({
      rel: 'retry',
      operation_id: 'publish_app',
      hint: `Publish the app first: POST /v1/apps/${appId}/publish`,
    });
    h.call('publish_app', { headers: auth, pathParams: { app_id: appId } });
    // 3. channel unknown, malformed, of another app or not a webhook
    const ag = h.call('add_channel', { headers: auth, pathParams: { app_id: appId }, body: { channel_type: 'ag_ui', channel_config: {} } }).response.body as any;
    const otherApp = h.call('create_app', {
      headers: auth,
      body: { name: 'Other', harness_id: `harness_${'1'.repeat(32)}`, channel_type: 'webhook', channel_config: { token: 'tok-123', message: 'm' } },
    }).response.body as any;
    for (const channel of [unknownId('appchan'), 'appchan_x', ag.id, otherApp.channels[0].id]) {
      const outcome = status(appId, channel);
      expect(outcome.response.status).toBe(404);
      expect((outcome.response.body as any).code).toBe('channel_not_found');
    }
    // 4. disabled channel: 403 before the token is looked at
    h.call('update_channel', { headers: auth, pathParams: { app_id: appId, channel_id: channelId }, body: { enabled: false } });
    const disabled = status(appId, channelId);
    expect(disabled.response.status).toBe(403);
    expect((disabled.response.body as any).code).toBe('channel_disabled');
    h.call('update_channel', { headers: auth, pathParams: { app_id: appId, channel_id: channelId }, body: { enabled: true } });
    // 5. token missing or wrong
    for (const token of [undefined, '', 'tok-12', 'tok-1234', 'management-key']) {
      const outcome = status(appId, channelId, token);
      expect(outcome.response.status).toBe(401);
      expect((outcome.response.body as any).code).toBe('invalid_webhook_token');
      expect(outcome.response.headers?.['www-authenticate']).toMatch(/^Bearer/);
    }
    expect(h.model.exportSnapshot().runs).toEqual([]);
    // 6. success, without the management API key
    expect(status(appId, channelId, 'tok-123').response.status).toBe(202);
  });

  it('answers 404 for deleted apps and 403 for archived ones', () => {
    const h = harness();
    const { appId, channelId, token } = h.publishedWebhook();
    h.call('delete_app', { pathParams: { app_id: appId } });
    expect(h.invoke(appId, channelId, token).response.status).toBe(403);
    const snapshot = h.model.exportSnapshot();
    snapshot.apps[0]!.status = 'deleted';
    const restored = createAppsModel(h.env, snapshot);
    const outcome = restored.handle({
      operationId: 'invoke_webhook',
      path: '/x',
      pathParams: { app_id: appId, channel_id: channelId },
      query: {},
      headers: { 'x-everruns-webhook-token': token },
      body: undefined,
      violations: [],
    });
    expect(outcome.response.status).toBe(404);
    expect(restored.handle({ operationId: 'get_app', path: '/x', pathParams: { app_id: appId }, query: {}, headers: {}, body: undefined, violations: [] }).response.status).toBe(404);
  });
});

describe('invoke_webhook tokens', () => {
  it('takes the token from X-Everruns-Webhook-Token, which wins over Authorization', () => {
    const h = harness();
    const { appId, channelId, token } = h.publishedWebhook();
    const call = (headers: Record<string, string>) =>
      h.call('invoke_webhook', { pathParams: { app_id: appId, channel_id: channelId }, headers }).response.status;
    expect(call({ authorization: `Bearer ${token}` })).toBe(202);
    expect(call({ authorization: `bearer ${token}` })).toBe(202);
    expect(call({ authorization: token })).toBe(401);
    expect(call({ 'x-everruns-webhook-token': token, authorization: 'Bearer wrong' })).toBe(202);
    expect(call({ 'x-everruns-webhook-token': 'wrong', authorization: `Bearer ${token}` })).toBe(401);
  });
});

describe('invoke_webhook sessions', () => {
  it('shared_session: the first call creates the session, later calls reuse it', () => {
    const h = harness();
    const { appId, channelId, token } = h.publishedWebhook();
    const first = h.invoke(appId, channelId, token);
    expect(first.response.status).toBe(202);
    const body = first.response.body as any;
    expect(body).toEqual({ accepted: true, created_session: true, session_id: expect.stringMatching(/^session_[0-9a-f]{32}$/) });
    expect(first.changes.map((c) => c.kind)).toEqual(['app', 'run']);
    const second = h.invoke(appId, channelId, token);
    expect(second.response.body).toEqual({ accepted: true, created_session: false, session_id: body.session_id });
    expect(second.changes.map((c) => c.kind)).toEqual(['run']);
  });

  it('session_per_invocation: every call creates a new session', () => {
    const h = harness();
    const { appId, channelId, token } = h.publishedWebhook({ session_mode: 'session_per_invocation' });
    const ids = new Set<string>();
    for (let i = 0; i < 3; i++) {
      const body = h.invoke(appId, channelId, token).response.body as any;
      expect(body.created_session).toBe(true);
      ids.add(body.session_id);
    }
    expect(ids.size).toBe(3);
  });

  it('records exactly one run per 202, carrying the rendered message', () => {
    const h = harness();
    const { appId, channelId, token } = h.publishedWebhook();
    const outcome = h.invoke(appId, channelId, token, { task: 'triage' });
    const run = outcome.changes.find((c) => c.kind === 'run')!.record as any;
    expect(run).toMatchObject({
      app_id: appId,
      channel_id: channelId,
      channel_type: 'webhook',
      created_at: START,
      message: 'Run triage',
      session_id: (outcome.response.body as any).session_id,
    });
    expect(run.id).toMatch(/^run_[0-9a-f]{32}$/);
    expect(h.model.exportSnapshot().runs).toHaveLength(1);
  });
});

describe('invoke_webhook message template', () => {
  it('fills app, channel, invocation, payload and webhook values, redacting credential headers', () => {
    const h = harness();
    const message = [
      '{{app.id}}|{{ app.name }}|{{ channel.id }}|{{ channel.type }}|{{ invocation.source }}|{{ invocation.triggered_at }}',
      '{{ payload.user.name }}|{{ payload.items.1 }}|{{ webhook.json.user }}|{{ webhook.body }}',
      '{{ webhook.headers.authorization }}|{{ webhook.headers.x-everruns-webhook-token }}|{{ webhook.headers.cookie }}|{{ webhook.headers.x-request-id }}',
      '{{ missing.value }}|{{ payload.constructor }}|{{ }}',
    ].join('\n');
    const { appId, channelId, token } = h.publishedWebhook({ message });
    const raw = '{"user":{"name":"Ada"},"items":["a","b"]}';
    const outcome = h.call('invoke_webhook', {
      pathParams: { app_id: appId, channel_id: channelId },
      headers: { 'x-everruns-webhook-token': token, authorization: 'Bearer x', cookie: 'sid=1', 'x-request-id': 'req-7' },
      rawBody: Buffer.from(raw),
    });
    const run = outcome.changes.find((c) => c.kind === 'run')!.record as any;
    expect(run.message.split('\n')).toEqual([
      `${appId}|Support Bot|${channelId}|webhook|webhook|${START}`,
      `Ada|b|{"name":"Ada"}|${raw}`,
      '[REDACTED]|[REDACTED]|[REDACTED]|req-7',
      '||',
    ]);
    expect(run.message).not.toContain(token);
  });

  it('renders the whole webhook value as JSON, its headers redacted', () => {
    const h = harness();
    const { appId, channelId, token } = h.publishedWebhook({ message: '{{ webhook }}' });
    const outcome = h.call('invoke_webhook', {
      pathParams: { app_id: appId, channel_id: channelId },
      headers: { 'x-everruns-webhook-token': token, 'x-request-id': 'req-8' },
      rawBody: Buffer.from('{"a":1}'),
    });
    const run = outcome.changes.find((c) => c.kind === 'run')!.record as any;
    expect(JSON.parse(run.message)).toEqual({
      body: '{"a":1}',
      json: { a: 1 },
      headers: { 'x-everruns-webhook-token': '[REDACTED]', 'x-request-id': 'req-8' },
    });
  });

  it('reads a raw body handed as a view into larger bytes as exactly those bytes', () => {
    const h = harness();
    const { appId, channelId, token } = h.publishedWebhook({ message: '{{ payload.n }}|{{ webhook.body }}' });
    const whole = Buffer.from('xx{"n":"é"}yy');
    const bytes = Buffer.from(whole.buffer, whole.byteOffset + 2, whole.length - 4);
    const outcome = h.call('invoke_webhook', {
      pathParams: { app_id: appId, channel_id: channelId },
      headers: { 'x-everruns-webhook-token': token },
      rawBody: bytes,
    });
    expect((outcome.changes.at(-1)!.record as any).message).toBe('é|{"n":"é"}');
  });

  it('uses the raw text as payload when the body is not JSON, and accepts a blank rendering', () => {
    const h = harness();
    const { appId, channelId, token } = h.publishedWebhook({ message: '{{ payload }}/{{ webhook.json }}' });
    const text = h.invoke(appId, channelId, token, 'plain words');
    expect((text.changes.at(-1)!.record as any).message).toBe('plain words/');
    const empty = h.call('invoke_webhook', { pathParams: { app_id: appId, channel_id: channelId }, headers: { 'x-everruns-webhook-token': token } });
    expect(empty.response.status).toBe(202);
    expect((empty.changes.at(-1)!.record as any).message).toBe('/');
  });
});
