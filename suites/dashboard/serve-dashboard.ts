import { createDashboard, type Dashboard, type MockServer } from '../../src/mock/index.js';
import { createRedactor } from '../../src/recording/index.js';
import { loadAppsSpec, serveDocument } from '../helpers/serve.js';

export const HARNESS_ID = 'harness_0193a3b5c0de7000800000000000abcd';
export const WEBHOOK_TOKEN = 'whk_demo_secret_value';

/** The bundled document served as `mock` serves it, with its dashboard, on an ephemeral loopback port, closed when the test ends. */
export async function serveDashboard(
  options: { apiKey?: string; dashboard?: boolean } = {},
): Promise<MockServer & { dashboard: Dashboard | undefined }> {
  const dashboard =
    options.dashboard === false
      ? undefined
      : createDashboard({ spec: await loadAppsSpec(), loadRedactor: async () => createRedactor().exchange });
  const server = await serveDocument(
    await loadAppsSpec(),
    {},
    { ...(dashboard ? { dashboard } : {}), ...(options.apiKey === undefined ? {} : { apiKey: options.apiKey }) },
  );
  return Object.assign(server, { dashboard });
}

/** What the lifecycle left behind. */
export interface Lifecycle {
  appId: string;
  channelId: string;
}

/**
 * The README's lifecycle over plain HTTP: create an app with a webhook channel, describe it,
 * publish it, invoke the webhook, list the runs; then one invalid create (a name too long).
 */
export async function runLifecycle(base: string): Promise<Lifecycle> {
  const json = { 'content-type': 'application/json' };
  const created = await fetch(`${base}/v1/apps`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({
      name: 'Support Bot',
      harness_id: HARNESS_ID,
      channel_type: 'webhook',
      channel_config: { token: WEBHOOK_TOKEN, message: 'Triage: {{ payload.subject }}' },
    }),
  });
  if (created.status !== 201) throw new Error(`create answered ${created.status}: ${await created.text()}`);
  const app = (await created.json()) as { id: string; channels: Array<{ id: string }> };
  const appId = app.id;
  const channelId = app.channels[0]!.id;
  await expectStatus(fetch(`${base}/v1/apps/${appId}`, { method: 'PATCH', headers: json, body: '{"description":"Answers tickets"}' }), 200);
  await expectStatus(fetch(`${base}/v1/apps/${appId}/publish`, { method: 'POST' }), 200);
  await expectStatus(
    fetch(`${base}/v1/apps/${appId}/webhooks/${channelId}`, {
      method: 'POST',
      headers: { ...json, 'x-everruns-webhook-token': WEBHOOK_TOKEN },
      body: '{"subject":"Login broken"}',
    }),
    202,
  );
  await expectStatus(fetch(`${base}/v1/apps/${appId}/runs?window=1h&groupBy=hour`), 200);
  await expectStatus(
    fetch(`${base}/v1/apps`, { method: 'POST', headers: json, body: JSON.stringify({ name: 'x'.repeat(300), harness_id: HARNESS_ID }) }),
    400,
  );
  return { appId, channelId };
}

async function expectStatus(answer: Promise<Response>, status: number): Promise<void> {
  const response = await answer;
  const text = await response.text();
  if (response.status !== status) throw new Error(`${response.url} answered ${response.status}, expected ${status}: ${text}`);
}
