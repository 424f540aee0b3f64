// The requests each case sends, and the state they need on the mock first (an app, a published
// app with a webhook channel, an app with recorded runs). Bodies are fixed so every run of a case
// sends identical bytes.
import { FIXED_APP_ID } from './servers.js';
import { probe } from './load.js';

const JSON_HEADERS = { 'content-type': 'application/json' };
const HARNESS_ID = 'harness_0193a3b5c0de7000800000000000abcd';
const WEBHOOK_TOKEN = 'bench-webhook-token-0123456789';

/** The POST create body used on every target. */
export const CREATE_BODY = JSON.stringify({ name: 'Bench App', description: 'Created by bench/mock', harness_id: HARNESS_ID });

const WEBHOOK_APP_BODY = (name) =>
  JSON.stringify({
    name,
    harness_id: HARNESS_ID,
    channel_type: 'webhook',
    channel_config: { token: WEBHOOK_TOKEN, message: 'Ticket {{ payload.ticket }} for {{ app.name }}', session_mode: 'shared_session' },
  });

const WEBHOOK_PAYLOAD = JSON.stringify({ ticket: 4711, priority: 'high', summary: 'Escalated by the bench' });

const request = (url, method, body, headers = JSON_HEADERS) => ({ url, method, headers, ...(body === undefined ? {} : { body }) });

/** Creates what the mock cases need and returns them as {name, request, status}, in run order. */
export async function prepareMockCases(base, seededRuns) {
  const app = JSON.parse(await probe(request(`${base}/v1/apps`, 'POST', CREATE_BODY), 201));
  const hook = await publishedWebhookApp(base, 'Bench Webhook App');
  const runs = await publishedWebhookApp(base, 'Bench Runs App');
  for (let i = 0; i < seededRuns; i++) await probe(runs.invoke, 202);
  return [
    { key: 'getApp', name: 'GET app', request: request(`${base}/v1/apps/${app.id}`, 'GET', undefined, {}), status: 200 },
    {
      key: 'getAppFresh',
      name: 'GET app, a new X-Nonce each time',
      request: { ...request(`${base}/v1/apps/${app.id}`, 'GET', undefined, {}), freshHeader: 'x-nonce' },
      status: 200,
    },
    {
      key: 'getAppTraced',
      name: 'GET app, a new traceparent each time',
      request: { ...request(`${base}/v1/apps/${app.id}`, 'GET', undefined, {}), freshHeader: 'traceparent' },
      status: 200,
    },
    { key: 'createApp', name: 'POST create', request: request(`${base}/v1/apps`, 'POST', CREATE_BODY), status: 201 },
    { key: 'updateApp', name: 'PATCH app', request: request(`${base}/v1/apps/${app.id}`, 'PATCH', JSON.stringify({ description: 'Patched by bench/mock' })), status: 200 },
    { key: 'invokeWebhook', name: 'webhook invoke', request: hook.invoke, status: 202 },
    { key: 'listRuns', name: `GET runs ?groupBy=hour (${seededRuns} runs)`, request: request(`${base}/v1/apps/${runs.appId}/runs?groupBy=hour`, 'GET', undefined, {}), status: 200 },
  ];
}

/** The same GET app and POST create against a stateless target, on a fixed id. */
export function statelessCases(base) {
  return [
    { key: 'getApp', name: 'GET app', request: request(`${base}/v1/apps/${FIXED_APP_ID}`, 'GET', undefined, {}), status: 200 },
    { key: 'createApp', name: 'POST create', request: request(`${base}/v1/apps`, 'POST', CREATE_BODY), status: 201 },
  ];
}

/** GET of an inferred resource on the platform's document: an agent created first, then read. */
export async function inferredCase(base) {
  const agent = JSON.parse(await probe(request(`${base}/v1/agents`, 'POST', AGENT_BODY), 201));
  return { key: 'getAgent', name: 'GET agent (inferred resource)', request: request(`${base}/v1/agents/${agent.id}`, 'GET', undefined, {}), status: 200 };
}

const AGENT_BODY = JSON.stringify({ name: 'Bench Agent', system_prompt: 'Answer briefly.', description: 'Created by bench/mock' });

/** The persisted-mode case: POST create only. */
export function createCase(base) {
  return { key: 'createApp', name: 'POST create', request: request(`${base}/v1/apps`, 'POST', CREATE_BODY), status: 201 };
}

async function publishedWebhookApp(base, name) {
  const app = JSON.parse(await probe(request(`${base}/v1/apps`, 'POST', WEBHOOK_APP_BODY(name)), 201));
  await probe(request(`${base}/v1/apps/${app.id}/publish`, 'POST', undefined, {}), 200);
  const channelId = app.channels[0].id;
  const invoke = request(`${base}/v1/apps/${app.id}/webhooks/${channelId}`, 'POST', WEBHOOK_PAYLOAD, {
    'content-type': 'application/octet-stream',
    'x-everruns-webhook-token': WEBHOOK_TOKEN,
  });
  return { appId: app.id, invoke };
}
