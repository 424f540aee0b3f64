/**
 * Drives a full app lifecycle through Prism's validation proxy in front of the stateful mock: every
 * request and response is checked against spec/ by an independent validator. In proxy mode Prism
 * reports any violation in an `sl-violations` header, and with `--errors` it turns a response
 * violation into a 500 problem of type …#VIOLATIONS (and answers an invalid request itself with
 * 422/401 instead of forwarding it); so each step asserts the contract status and no such header.
 */
import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import { startPrism } from '../helpers/prism.js';
import { serveApps } from '../helpers/serve.js';
import { HARNESS } from '../helpers/apps-ids.js';

const TOKEN = 'whk_prism_proxy_secret_42';

interface Sent {
  method: string;
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
}

describe('Prism validation proxy in front of the stateful mock', () => {
  it('a full lifecycle passes with the contract statuses and zero violations', async () => {
    const mock = await serveApps({ runDurationMs: 0, runFailureRate: 0 });
    const prism = await startPrism(mock.url);

    const send = async (sent: Sent, status: number) => {
      const headers = { ...sent.headers, ...(sent.body === undefined ? {} : { 'content-type': 'application/json' }) };
      const response = await request(prism.url + sent.path, {
        method: sent.method as 'GET',
        headers,
        body: sent.body === undefined ? undefined : JSON.stringify(sent.body),
      });
      const text = await response.body.text();
      const where = `${sent.method} ${sent.path} → ${response.statusCode} ${text.slice(0, 400)}\nsl-violations: ${response.headers['sl-violations'] ?? '-'}`;
      expect(response.headers['sl-violations'], where).toBeUndefined();
      expect(text, where).not.toContain('VIOLATIONS');
      expect(response.statusCode, where).toBe(status);
      expect(text, `${where}: the webhook token came back`).not.toContain(TOKEN);
      return text ? JSON.parse(text) : undefined;
    };

    const app = await send(
      {
        method: 'POST',
        path: '/v1/apps',
        body: {
          name: 'Proxy Bot',
          description: 'through Prism',
          harness_id: HARNESS,
          channel_type: 'webhook',
          channel_config: { token: TOKEN, message: 'Ticket {{ payload.subject }}' },
        },
      },
      201,
    );
    const id: string = app.id;
    const channel: string = app.channels[0].id;
    await send({ method: 'GET', path: `/v1/apps/${id}` }, 200);
    await send({ method: 'GET', path: '/v1/apps?search=proxy&include_archived=false' }, 200);
    await send({ method: 'PATCH', path: `/v1/apps/${id}`, body: { name: 'Proxy Bot 2', description: null } }, 200);
    expect(await send({ method: 'POST', path: `/v1/apps/${id}/publish` }, 200)).toMatchObject({ status: 'published' });

    const hook = {
      method: 'POST',
      path: `/v1/apps/${id}/webhooks/${channel}`,
      headers: { 'x-everruns-webhook-token': TOKEN },
      body: { subject: 'Printer on fire' },
    };
    const first = await send(hook, 202);
    const second = await send(hook, 202);
    expect(first).toMatchObject({ accepted: true, created_session: true });
    expect(second).toMatchObject({ accepted: true, created_session: false, session_id: first.session_id });

    const runs = await send({ method: 'GET', path: `/v1/apps/${id}/runs?groupBy=hour` }, 200);
    expect(runs.data).toHaveLength(2);
    await send({ method: 'POST', path: `/v1/apps/${id}/unpublish` }, 200);
    await send({ method: 'DELETE', path: `/v1/apps/${id}` }, 204);
    await send({ method: 'GET', path: `/v1/apps/${id}` }, 200);

    // 4xx answered by the mock (the requests are valid against the schema, so Prism forwards them).
    await send({ method: 'GET', path: '/v1/apps/app_ffffffffffffffffffffffffffffffff' }, 404);
    await send(
      { method: 'POST', path: '/v1/apps', body: { name: 'Orphan config', harness_id: HARNESS, channel_config: { message: 'hi' } } },
      400,
    );
    await send(
      {
        method: 'POST',
        path: '/v1/apps',
        body: { name: 'No token', harness_id: HARNESS, channel_type: 'webhook', channel_config: { message: 'hi' } },
      },
      400,
    );
    await send({ method: 'PATCH', path: `/v1/apps/${id}`, body: { name: 'Archived edit' } }, 400);
    await send(
      { method: 'POST', path: `/v1/apps/${id}/webhooks/${channel}`, headers: { 'x-everruns-webhook-token': 'whk_wrong' }, body: {} },
      403,
    );
    expect(prism.output()).not.toMatch(/Violation:/);

    // Proof that the proxy really validates: a schema-invalid request is stopped by Prism itself.
    const invalid = await request(`${prism.url}/v1/apps`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ harness_id: HARNESS }),
    });
    expect(invalid.statusCode, await invalid.body.text()).toBe(422);
  }, 90_000);
});
