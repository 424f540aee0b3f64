import { describe, expect, it } from 'vitest';
import { APPS_OPERATION_IDS, appsRouteOf, bindAppsRoutes, REQUIRED_APPS_OPERATIONS } from '../../../../src/model/apps/index.js';
import { harness } from './fake-env.js';

const route = (method: string, path: string) => ({ method, path });

describe('the Apps routes, bound by method and path template', () => {
  it("binds every route of spec/ whatever the document calls the operation or its path parameters", () => {
    expect(appsRouteOf(route('POST', '/v1/apps'))?.name).toBe('create_app');
    expect(appsRouteOf(route('get', '/v1/apps/{id}'))?.name).toBe('get_app');
    const webhook = appsRouteOf(route('POST', '/v1/apps/{a}/webhooks/{c}'))!;
    expect(webhook.name).toBe('invoke_webhook');
    expect(webhook.rename({ a: 'app_1', c: 'appchan_2', other: 'x' })).toEqual({ app_id: 'app_1', channel_id: 'appchan_2' });
    expect(APPS_OPERATION_IDS).toHaveLength(12);
  });

  it('binds nothing else: other methods, other paths, longer or shorter templates', () => {
    for (const [method, path] of [
      ['PUT', '/v1/apps/{app_id}'],
      ['GET', '/v1/apps/config'],
      ['POST', '/v1/apps/{app_id}/a2a-channels'],
      ['GET', '/v1/apps/{app_id}/runs/{run_id}'],
      ['POST', '/v2/apps'],
    ] as const) {
      expect(appsRouteOf(route(method, path)), `${method} ${path}`).toBeUndefined();
    }
  });

  it('engages only a document that declares create, read and publish, and then every Apps route it has', () => {
    const platform = [
      route('POST', '/v1/apps'),
      route('GET', '/v1/apps/{app_id}'),
      route('POST', '/v1/apps/{app_id}/publish'),
      route('POST', '/v1/apps/{app_id}/webhooks/{channel_id}'),
      route('GET', '/v1/agents'),
    ];
    expect([...bindAppsRoutes(platform)!.keys()]).toEqual(['create_app', 'get_app', 'publish_app', 'invoke_webhook']);
    expect(REQUIRED_APPS_OPERATIONS).toEqual(['create_app', 'get_app', 'publish_app']);
    for (const missing of REQUIRED_APPS_OPERATIONS) {
      const without = platform.filter((operation) => appsRouteOf(operation)?.name !== missing);
      expect(bindAppsRoutes(without), missing).toBeUndefined();
    }
    expect(bindAppsRoutes([])).toBeUndefined();
  });
});

describe('answers in the statuses the served document declares', () => {
  const declaring = (...keys: string[]) => ({ responses: keys.map((key) => ({ key })) });

  it("answers the webhook's refusals as a 404 where the document declares no 403, the problem following its status line", () => {
    const h = harness();
    const app = h.createApp({ channel_type: 'webhook', channel_config: { token: 'tok-1234567', message: 'm' } });
    const draft = (declared?: ReturnType<typeof declaring>) =>
      h.model.handle({
        operationId: 'invoke_webhook',
        path: '/hook',
        pathParams: { app_id: app.id, channel_id: app.channels[0].id },
        query: {},
        headers: { 'x-everruns-webhook-token': 'tok-1234567' },
        body: undefined,
        violations: [],
        ...(declared ? { declared } : {}),
      }).response;
    expect(draft()).toMatchObject({ status: 403, body: { status: 403, title: 'Forbidden', code: 'app_not_published' } });
    expect(draft(declaring('202', '401', '403', '404'))).toMatchObject({ status: 403 });
    expect(draft(declaring('202', '401', '404', '500'))).toMatchObject({ status: 404, body: { status: 404, title: 'Not Found', code: 'app_not_published' } });
  });

  it('keeps a success, and a status that has no declared stand-in, as the rule gives it', () => {
    const h = harness();
    const created = h.model.handle({ operationId: 'create_app', path: '/v1/apps', pathParams: {}, query: {}, headers: {}, body: { name: 'x' }, violations: [], declared: declaring('201') });
    expect(created.response.status).toBe(400);
    const ok = h.model.handle({ operationId: 'list_apps', path: '/v1/apps', pathParams: {}, query: {}, headers: {}, body: undefined, violations: [], declared: declaring('200', '500') });
    expect(ok.response.status).toBe(200);
  });

  it('tells which apps exist, for the resources nested below them', () => {
    const h = harness();
    const app = h.createApp();
    expect(h.model.hasApp(app.id)).toBe(true);
    expect(h.model.hasApp(`app_${'f'.repeat(32)}`)).toBe(false);
    h.call('delete_app', { pathParams: { app_id: app.id } });
    // Archived apps stay readable, so what is below them stays reachable.
    expect(h.model.hasApp(app.id)).toBe(true);
  });
});
