import { describe, expect, it } from 'vitest';
import { HARNESS, START, harness, unknownId } from './fake-env.js';

describe('create_app', () => {
  it('creates a draft app with every field of §3 and links built from the environment', () => {
    const { call, env } = harness();
    const outcome = call('create_app', { body: { name: 'Support Bot', harness_id: HARNESS, description: 'Triage' } });
    expect(outcome.response.status).toBe(201);
    const app = outcome.response.body as Record<string, any>;
    expect(app).toMatchObject({
      name: 'Support Bot',
      description: 'Triage',
      harness_id: HARNESS,
      agent_id: null,
      agent_identity_id: null,
      agent_version_id: null,
      agent_version_policy: 'default',
      channels: [],
      status: 'draft',
      resolved_owner_user_id: null,
      created_at: START,
      updated_at: START,
      published_at: null,
      archived_at: null,
      deleted_at: null,
    });
    expect(app.id).toMatch(/^app_[0-9a-f]{32}$/);
    expect(app.owner_principal_id).toMatch(/^principal_[0-9a-f]{32}$/);
    expect(app.owner).toEqual({ id: app.owner_principal_id, kind: 'user' });
    expect(app.effective_owner).toEqual(app.owner);
    expect(app.self_url).toBe(`${env.baseUrl}/v1/apps/${app.id}`);
    expect(app.view_url).toBe(`${env.uiBaseUrl}/apps/${app.id}`);
    expect(app.ui_link).toBe(app.view_url);
    expect(outcome.response.headers?.location).toBe(app.self_url);
    expect(app.allowed_actions.map((a: any) => a.rel)).toEqual(['self', 'update', 'delete', 'events']);
    expect(outcome.changes).toHaveLength(1);
    expect(outcome.changes[0]).toMatchObject({ kind: 'app', record: { id: app.id, status: 'draft' } });
  });

  it('uses one owner principal for every app and keeps it across a snapshot', () => {
    const h = harness();
    const a = h.createApp();
    const b = h.createApp();
    expect(a.owner_principal_id).toBe(b.owner_principal_id);
    expect(h.model.exportSnapshot().principal_id).toBe(a.owner_principal_id);
  });

  it('creates the first channel, enabled, from channel_type and channel_config', () => {
    const h = harness();
    const app = h.createApp({ channel_type: 'schedule', channel_config: { cron_expression: '0 9 * * *', message: 'Daily' } });
    expect(app.channels).toEqual([
      {
        id: expect.stringMatching(/^appchan_[0-9a-f]{32}$/),
        channel_type: 'schedule',
        channel_config: { cron_expression: '0 9 * * *', message: 'Daily' },
        enabled: true,
        created_at: START,
        updated_at: START,
      },
    ]);
  });

  it.each([
    [{ name: '   ', harness_id: HARNESS }, '/name', /blank/],
    [{ name: 'x'.repeat(201), harness_id: HARNESS }, '/name', /at most 200/],
    [{ harness_id: HARNESS }, '/name', /required/],
    [{ name: 'ok' }, '/harness_id', /required/],
    [{ name: 'ok', harness_id: 'harness_01933b5a00007000800000000000001' }, '/harness_id', /got 31 hex digits/],
    [{ name: 'ok', harness_id: HARNESS, description: 'd'.repeat(2001) }, '/description', /at most 2000/],
    [{ name: 'ok', harness_id: HARNESS, agent_id: 'harness_' + 'a'.repeat(32) }, '/agent_id', /got prefix 'harness_'/],
    [{ name: 'ok', harness_id: HARNESS, agent_identity_id: 'identity_' + 'A'.repeat(32) }, '/agent_identity_id', /upper-case/],
    [{ name: 'ok', harness_id: HARNESS, agent_version_policy: 'pinned' }, '/agent_version_id', /pinned/],
    [{ name: 'ok', harness_id: HARNESS, agent_version_policy: 'sometimes' }, '/agent_version_policy', /one of/],
    [{ name: 'ok', harness_id: HARNESS, channel_config: { message: 'x' } }, '/channel_config', /channel_type/],
    [{ name: 'ok', harness_id: HARNESS, channel_type: 'fax' }, '/channel_type', /known channel type/],
    [{ name: 'ok', harness_id: HARNESS, channel_type: 'webhook', channel_config: { message: 'm' } }, '/channel_config/token', /token/],
    [{ name: 'ok', harness_id: HARNESS, channel_type: 'webhook', channel_config: { token: ' ', message: 'm' } }, '/channel_config/token', /token/],
    [{ name: 'ok', harness_id: HARNESS, channel_type: 'webhook', channel_config: { token: 't', message: '' } }, '/channel_config/message', /message/],
    [{ name: 'ok', harness_id: HARNESS, channel_type: 'webhook', channel_config: { token: 't', message: 'm', session_mode: 'x' } }, '/channel_config/session_mode', /session_per_invocation/],
    [{ name: 'ok', harness_id: HARNESS, channel_type: 'schedule', channel_config: { cron_expression: '* * *', message: 'm' } }, '/channel_config/cron_expression', /got 3/],
    [{ name: 'ok', harness_id: HARNESS, channel_type: 'schedule', channel_config: { cron_expression: '0 9 * * *' } }, '/channel_config/message', /message/],
    [{ name: 'ok', harness_id: HARNESS, channel_type: 'slack', channel_config: [] }, '/channel_config', /object/],
  ])('rejects %j with 400 at %s', (body, pointer, detail) => {
    const { call, model } = harness();
    const outcome = call('create_app', { body, path: '/v1/apps' });
    expect(outcome.response.status).toBe(400);
    const problem = outcome.response.body as Record<string, any>;
    expect(problem).toMatchObject({
      type: 'https://docs.everruns.com/errors/invalid_request',
      title: 'Bad Request',
      status: 400,
      code: 'invalid_request',
      instance: '/v1/apps',
    });
    expect(problem.errors[0].pointer).toBe(pointer);
    expect(problem.errors[0].detail).toMatch(detail);
    expect(problem.detail).toContain(pointer.slice(1).replace(/\//g, '.'));
    expect(problem.allowed_actions[0].rel).toBe('retry');
    expect(outcome.changes).toEqual([]);
    expect(model.exportSnapshot().apps).toEqual([]);
  });

  it('accepts schedule crons with 7 fields and types without rules with any object', () => {
    const h = harness();
    expect(h.createApp({ channel_type: 'schedule', channel_config: { cron_expression: '0 0 9 * * ? *', message: 'm' } }).channels).toHaveLength(1);
    expect(h.createApp({ channel_type: 'ag_ui' }).channels[0].channel_config).toEqual({});
    expect(h.createApp({ channel_type: 'a2a', channel_config: { anything: [1, 2] } }).channels[0].channel_config).toEqual({ anything: [1, 2] });
  });

  it('hints how to shorten a long name', () => {
    const { call } = harness();
    const problem = call('create_app', { body: { name: 'x'.repeat(201), harness_id: HARNESS } }).response.body as any;
    expect(problem.allowed_actions[0].hint).toBe("Shorten 'name' to <= 200 chars.");
  });

  it('counts the 200-character limit in code points', () => {
    const h = harness();
    expect(h.createApp({ name: '😀'.repeat(200) }).name).toHaveLength(400);
  });

  it('treats a non-object body as a 400 naming the body', () => {
    const { call } = harness();
    for (const body of [undefined, null, 'text', 42, [1]]) {
      const outcome = call('create_app', { body });
      expect(outcome.response.status).toBe(400);
      expect((outcome.response.body as any).detail).toMatch(/^request body must be a JSON object; got /);
    }
  });

  it('ranks engine violations before the domain rules and lists them all', () => {
    const { call } = harness();
    const violations = [
      { pointer: '/name', detail: 'must be string' },
      { pointer: '/harness_id', detail: 'must match pattern' },
    ];
    const problem = call('create_app', { body: { name: 1 }, violations }).response.body as any;
    expect(problem.errors).toEqual(violations);
    expect(problem.detail).toBe('name: must be string (and 1 more problem)');
  });

  it('stores a copy of channel_config, so later mutation of the request body changes nothing', () => {
    const h = harness();
    const config = { token: 'tok-1', message: 'hello' };
    const app = h.createApp({ channel_type: 'webhook', channel_config: config });
    config.message = 'mutated';
    const stored = h.model.exportSnapshot().apps[0]!.channels[0]!.channel_config;
    expect(stored['message']).toBe('hello');
    expect(app.channels[0].channel_config.message).toBe('hello');
  });
});

describe('list_apps and get_app', () => {
  it('lists newest first, hides archived unless include_archived=true, and searches name or description', () => {
    const h = harness();
    const first = h.createApp({ name: 'Alpha', description: 'Handles BILLING' });
    h.env.advance(1000);
    const second = h.createApp({ name: 'Beta' });
    h.env.advance(1000);
    const third = h.createApp({ name: 'Gamma billing' });
    h.call('delete_app', { pathParams: { app_id: second.id } });
    const ids = (query: Record<string, string>) =>
      (h.call('list_apps', { query }).response.body as any).data.map((a: any) => a.id);
    expect(ids({})).toEqual([third.id, first.id]);
    expect(ids({ include_archived: 'true' })).toEqual([third.id, second.id, first.id]);
    expect(ids({ include_archived: 'false' })).toEqual([third.id, first.id]);
    expect(ids({ search: 'billing' })).toEqual([third.id, first.id]);
    expect(ids({ search: 'BETA' })).toEqual([]);
    expect(ids({ search: 'BETA', include_archived: 'true' })).toEqual([second.id]);
    expect(ids({ search: 'nothing' })).toEqual([]);
  });

  it('reads an app by id, archived apps included, and 404s unknown ones', () => {
    const h = harness();
    const app = h.createApp();
    h.call('delete_app', { pathParams: { app_id: app.id } });
    const read = h.call('get_app', { pathParams: { app_id: app.id } }).response;
    expect(read.status).toBe(200);
    expect((read.body as any).status).toBe('archived');
    const missing = h.call('get_app', { pathParams: { app_id: unknownId('app') }, path: '/v1/apps/x' }).response;
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ code: 'app_not_found', title: 'Not Found', status: 404, instance: '/v1/apps/x' });
    expect((missing.body as any).allowed_actions[0].rel).toBe('get-existing');
  });

  it('hands out one frozen body for repeated reads of an unchanged app, and a new one after a change', () => {
    const h = harness();
    const app = h.createApp();
    const read = () => h.call('get_app', { pathParams: { app_id: app.id } }).response.body as Record<string, unknown>;
    const first = read();
    // Frozen marks a shared body: the mock keeps its bytes by identity, so a mutation must throw.
    expect(Object.isFrozen(first)).toBe(true);
    expect(Object.isFrozen(first['allowed_actions'])).toBe(true);
    expect(() => {
      (first as Record<string, unknown>)['name'] = 'Changed';
    }).toThrow(TypeError);
    expect(read()).toBe(first);
    h.call('update_app', { pathParams: { app_id: app.id }, body: { name: 'Renamed' } });
    const after = read();
    expect(after).not.toBe(first);
    expect(after['name']).toBe('Renamed');
    // A create's body is its own, never handed out again, so nothing is kept for it.
    expect(Object.isFrozen(h.call('create_app', { body: { name: 'Other', harness_id: app.harness_id } }).response.body)).toBe(false);
  });

  it.each([
    ['app_0123', /got 4 hex digits/],
    ['appchan_' + 'a'.repeat(32), /got prefix 'appchan_'/],
    ['0'.repeat(32), /got no prefix/],
    ['app_' + 'G'.repeat(32), /non-hex character 'G' at position 1/],
    ['app_' + 'ABCDEF'.padEnd(32, '0'), /upper-case/],
    ['app_01933b5a00007000800000000000001', /got 31 hex digits/],
  ])('answers 400 for the malformed path id %s, saying what is wrong', (id, detail) => {
    const { call } = harness();
    const response = call('get_app', { pathParams: { app_id: id } }).response as any;
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('invalid_request');
    expect(response.body.detail).toMatch(/^app_id must be app_ followed by 32 lowercase hex digits; /);
    expect(response.body.detail).toMatch(detail);
    expect(response.body.errors[0].pointer).toBe('/path/app_id');
  });
});

describe('update_app', () => {
  it('changes only given non-null fields, moves updated_at and never created_at', () => {
    const h = harness();
    const app = h.createApp({ description: 'before', agent_id: 'agent_' + 'a'.repeat(32) });
    h.env.advance(5000);
    const outcome = h.call('update_app', { pathParams: { app_id: app.id }, body: { name: 'Renamed', description: null, agent_id: null } });
    expect(outcome.response.status).toBe(200);
    const updated = outcome.response.body as any;
    expect(updated).toMatchObject({ name: 'Renamed', description: 'before', agent_id: app.agent_id, created_at: START });
    expect(updated.updated_at).toBe(new Date(Date.parse(START) + 5000).toISOString());
    h.env.advance(5000);
    const empty = h.call('update_app', { pathParams: { app_id: app.id }, body: {} }).response.body as any;
    expect(empty.name).toBe('Renamed');
    expect(empty.updated_at).toBe(new Date(Date.parse(START) + 10000).toISOString());
    expect(empty.created_at).toBe(START);
  });

  it('archives through status archived, setting archived_at', () => {
    const h = harness();
    const app = h.createApp();
    h.env.advance(1000);
    const updated = h.call('update_app', { pathParams: { app_id: app.id }, body: { status: 'archived', name: 'Last' } }).response.body as any;
    expect(updated).toMatchObject({ status: 'archived', name: 'Last', archived_at: updated.updated_at });
    expect(updated.allowed_actions.map((a: any) => a.rel)).toEqual(['self', 'events']);
  });

  it.each([
    ['draft', /use publish\/unpublish/],
    ['published', /use publish\/unpublish/],
    ['deleted', /archives apps instead/],
    ['gone', /must be archived/],
  ])('rejects status %s with 400', (status, detail) => {
    const h = harness();
    const app = h.createApp();
    const outcome = h.call('update_app', { pathParams: { app_id: app.id }, body: { status } });
    expect(outcome.response.status).toBe(400);
    expect((outcome.response.body as any).errors[0]).toMatchObject({ pointer: '/status', detail: expect.stringMatching(detail) });
    expect(outcome.changes).toEqual([]);
  });

  it('rejects a pinned policy without a version, counting the stored version', () => {
    const h = harness();
    const app = h.createApp();
    expect(h.call('update_app', { pathParams: { app_id: app.id }, body: { agent_version_policy: 'pinned' } }).response.status).toBe(400);
    const version = 'agentver_' + 'b'.repeat(32);
    h.call('update_app', { pathParams: { app_id: app.id }, body: { agent_version_id: version } });
    const pinned = h.call('update_app', { pathParams: { app_id: app.id }, body: { agent_version_policy: 'pinned' } });
    expect(pinned.response.status).toBe(200);
    expect(pinned.response.body).toMatchObject({ agent_version_policy: 'pinned', agent_version_id: version });
  });

  it('rejects blank names, bad ids and edits of archived apps; 404s unknown apps after body checks', () => {
    const h = harness();
    const app = h.createApp();
    expect(h.call('update_app', { pathParams: { app_id: app.id }, body: { name: '\t ' } }).response.status).toBe(400);
    expect(h.call('update_app', { pathParams: { app_id: app.id }, body: { harness_id: 'harness_1' } }).response.status).toBe(400);
    expect(h.call('update_app', { pathParams: { app_id: unknownId('app') }, body: { name: '' } }).response.status).toBe(400);
    expect(h.call('update_app', { pathParams: { app_id: unknownId('app') }, body: { name: 'x' } }).response.status).toBe(404);
    h.call('delete_app', { pathParams: { app_id: app.id } });
    const edit = h.call('update_app', { pathParams: { app_id: app.id }, body: { name: 'x' } });
    expect(edit.response.status).toBe(400);
    expect(edit.response.body).toMatchObject({ code: 'app_archived', type: 'https://docs.everruns.com/errors/app_archived', detail: expect.stringMatching(/archived/) });
  });
});

describe('publish_app and unpublish_app', () => {
  it('publishes only a draft with a channel, and not twice', () => {
    const h = harness();
    const bare = h.createApp();
    const noChannel = h.call('publish_app', { pathParams: { app_id: bare.id } });
    expect(noChannel.response.status).toBe(400);
    expect(noChannel.response.body).toMatchObject({ code: 'app_not_publishable', detail: expect.stringMatching(/no channels/) });
    expect((noChannel.response.body as any).allowed_actions[0]).toMatchObject({ operation_id: 'add_channel', method: 'POST' });

    const app = h.createApp({ channel_type: 'ag_ui', channel_config: {} });
    h.env.advance(1000);
    const published = h.call('publish_app', { pathParams: { app_id: app.id } });
    expect(published.response.status).toBe(200);
    const body = published.response.body as any;
    expect(body.status).toBe('published');
    expect(body.published_at).toBe(body.updated_at);
    expect(body.published_at).not.toBe(START);
    expect(published.changes).toHaveLength(1);

    const again = h.call('publish_app', { pathParams: { app_id: app.id } });
    expect(again.response.status).toBe(400);
    expect(again.response.body).toMatchObject({ code: 'app_not_publishable', detail: expect.stringMatching(/already published/) });
  });

  it('unpublishes to draft, leaves a draft unchanged and refuses archived apps', () => {
    const h = harness();
    const { appId } = h.publishedWebhook();
    h.env.advance(1000);
    const unpublished = h.call('unpublish_app', { pathParams: { app_id: appId } });
    expect(unpublished.response.status).toBe(200);
    expect((unpublished.response.body as any).status).toBe('draft');
    expect((unpublished.response.body as any).published_at).not.toBeNull();
    h.env.advance(1000);
    const noop = h.call('unpublish_app', { pathParams: { app_id: appId } });
    expect(noop.response.status).toBe(200);
    expect(noop.response.body).toEqual(unpublished.response.body);
    expect(noop.changes).toEqual([]);
    h.call('delete_app', { pathParams: { app_id: appId } });
    expect(h.call('unpublish_app', { pathParams: { app_id: appId } }).response.status).toBe(400);
    expect(h.call('publish_app', { pathParams: { app_id: appId } }).response.status).toBe(400);
  });
});

describe('delete_app', () => {
  it('archives once: 204, archived_at fixed, a repeat is a no-op', () => {
    const h = harness();
    const app = h.createApp();
    h.env.advance(1000);
    const first = h.call('delete_app', { pathParams: { app_id: app.id } });
    expect(first.response).toEqual({ status: 204 });
    expect(first.changes).toHaveLength(1);
    const archivedAt = (h.call('get_app', { pathParams: { app_id: app.id } }).response.body as any).archived_at;
    expect(archivedAt).toBe(new Date(Date.parse(START) + 1000).toISOString());
    h.env.advance(1000);
    const second = h.call('delete_app', { pathParams: { app_id: app.id } });
    expect(second.response).toEqual({ status: 204 });
    expect(second.changes).toEqual([]);
    expect((h.call('get_app', { pathParams: { app_id: app.id } }).response.body as any).archived_at).toBe(archivedAt);
    expect(h.call('delete_app', { pathParams: { app_id: unknownId('app') } }).response.status).toBe(404);
  });
});

describe('environment', () => {
  it('builds links from the base URLs current at answer time, as the shell sets them after listen()', () => {
    const h = harness();
    const app = h.createApp();
    h.model.env.baseUrl = 'http://127.0.0.1:54321';
    h.model.env.uiBaseUrl = 'https://console.example';
    const read = h.call('get_app', { pathParams: { app_id: app.id } }).response.body as any;
    expect(read.self_url).toBe(`http://127.0.0.1:54321/v1/apps/${app.id}`);
    expect(read.ui_link).toBe(`https://console.example/apps/${app.id}`);
  });

  it('answers an unknown operation with a 404 problem instead of throwing', () => {
    const h = harness();
    const outcome = h.call('teleportApp' as never, { path: '/v1/teleport' });
    expect(outcome.response.status).toBe(404);
    expect(outcome.response.body).toMatchObject({ code: 'route_not_found', instance: '/v1/teleport' });
  });
});
