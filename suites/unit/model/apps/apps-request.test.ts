import { describe, expect, it } from 'vitest';
import { toAppsRequest } from '../../../../src/model/apps/apps-request.js';

describe('toAppsRequest', () => {
  it('keeps the first value of a repeated query parameter, and no bytes as a body', () => {
    const request = toAppsRequest({
      operationId: 'invokeWebhook',
      path: '/v1/apps/a/webhooks/c',
      pathParams: { app_id: 'a', channel_id: 'c' },
      query: new URLSearchParams('window=1h&window=2h&groupBy=hour'),
      headers: { 'content-type': 'application/octet-stream' },
      body: Buffer.from('raw'),
      rawBody: Buffer.from('raw'),
      violations: [{ pointer: '/query/window', detail: 'bad' }],
    });
    expect(request).toMatchObject({ operationId: 'invokeWebhook', query: { window: '1h', groupBy: 'hour' }, body: undefined, violations: [{ pointer: '/query/window' }] });
    expect(request.rawBody?.toString()).toBe('raw');
  });

  it('passes a decoded JSON or form body through as it is', () => {
    const body = { name: 'x' };
    expect(toAppsRequest({ operationId: 'createApp', path: '/v1/apps', pathParams: {}, query: new URLSearchParams(), headers: {}, body, rawBody: undefined, violations: [] }).body).toBe(body);
  });
});
