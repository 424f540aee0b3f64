import { describe, expect, it } from 'vitest';
import { toAppsRequest } from '../../../../src/model/apps/apps-request.js';
import { appsRouteOf } from '../../../../src/model/apps/index.js';

const responses = [{ key: '202' }, { key: '404' }];

describe('toAppsRequest', () => {
  it('keeps the first value of a repeated query parameter, and no bytes as a body', () => {
    const route = appsRouteOf({ method: 'POST', path: '/v1/apps/{app_id}/webhooks/{channel_id}', responses })!;
    const request = toAppsRequest(route, {
      path: '/v1/apps/a/webhooks/c',
      pathParams: { app_id: 'a', channel_id: 'c' },
      query: new URLSearchParams('window=1h&window=2h&groupBy=hour'),
      headers: { 'content-type': 'application/octet-stream' },
      body: Buffer.from('raw'),
      rawBody: Buffer.from('raw'),
      violations: [{ pointer: '/query/window', detail: 'bad' }],
    });
    expect(request).toMatchObject({ operationId: 'invoke_webhook', query: { window: '1h', groupBy: 'hour' }, body: undefined, violations: [{ pointer: '/query/window' }] });
    expect(request.rawBody?.toString()).toBe('raw');
    expect(request.declared).toEqual({ responses });
  });

  it('names the path parameters as the model reads them, whatever the document calls them', () => {
    const route = appsRouteOf({ method: 'DELETE', path: '/v1/apps/{id}/channels/{cid}', responses })!;
    const request = toAppsRequest(route, {
      path: '/v1/apps/app_1/channels/appchan_2',
      pathParams: { id: 'app_1', cid: 'appchan_2' },
      query: new URLSearchParams(),
      headers: {},
      body: undefined,
      rawBody: undefined,
      violations: [],
    });
    expect(request).toMatchObject({ operationId: 'remove_channel', pathParams: { app_id: 'app_1', channel_id: 'appchan_2' } });
  });

  it('passes a decoded JSON or form body through as it is', () => {
    const body = { name: 'x' };
    const route = appsRouteOf({ method: 'POST', path: '/v1/apps', responses })!;
    expect(toAppsRequest(route, { path: '/v1/apps', pathParams: {}, query: new URLSearchParams(), headers: {}, body, rawBody: undefined, violations: [] }).body).toBe(body);
  });
});
