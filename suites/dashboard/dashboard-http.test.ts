import { describe, expect, it } from 'vitest';
import { openEvents } from './sse-client.js';
import { HARNESS_ID, WEBHOOK_TOKEN, runLifecycle, serveDashboard } from './serve-dashboard.js';

/** The dashboard's endpoints over real sockets: the event stream, the exchange detail, the counters. */

const json = { 'content-type': 'application/json' };

describe('GET /__mock/events', () => {
  it('streams each request with its method, path, status, time and violations, located in the document', async () => {
    const server = await serveDashboard();
    const events = await openEvents(server.url);
    expect(events.response.statusCode).toBe(200);
    expect(events.response.headers['content-type']).toBe('text/event-stream');
    await fetch(`${server.url}/v1/apps`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ name: 'x'.repeat(300), harness_id: 42 }),
    });
    const [event] = await events.waitFor(1);
    expect(event).toMatchObject({ event: 'request', id: '1' });
    expect(event!.data).toMatchObject({ id: 1, method: 'POST', path: '/v1/apps', status: 400, operation: 'create_app' });
    expect(typeof (event!.data as { ms: unknown }).ms).toBe('number');
    const violations = (event!.data as { violations: unknown[] }).violations;
    expect(violations).toEqual(
      expect.arrayContaining([
        {
          in: 'body',
          pointer: '/name',
          keyword: 'maxLength',
          message: 'must NOT have more than 200 characters',
          schema: '#/components/schemas/CreateAppRequest/properties/name/maxLength',
          hint: 'shorten name to at most 200 characters',
        },
        expect.objectContaining({
          pointer: '/harness_id',
          keyword: 'type',
          schema: '#/components/schemas/HarnessId/type',
          hint: 'send harness_id as a string',
        }),
      ]),
    );
  });

  it('replays what a reconnecting browser missed after its Last-Event-ID, and not its own requests', async () => {
    const server = await serveDashboard();
    const first = await openEvents(server.url);
    await runLifecycle(server.url);
    const all = await first.waitFor(6);
    const again = await openEvents(server.url, { 'last-event-id': '4' });
    const replayed = await again.waitFor(2);
    expect(replayed.map((event) => event.id)).toEqual(['5', '6']);
    expect(all.map((event) => (event.data as { path: string }).path).every((path) => !path.startsWith('/__mock/'))).toBe(true);
  });

  it('records nothing while no browser watches, yet counts every answer', async () => {
    const server = await serveDashboard();
    await runLifecycle(server.url);
    const late = await openEvents(server.url);
    await fetch(`${server.url}/v1/apps`);
    const [event] = await late.waitFor(1);
    expect(event!.data).toMatchObject({ id: 1, method: 'GET', path: '/v1/apps' });
    const stats = (await (await fetch(`${server.url}/__mock/stats`)).json()) as {
      total: number;
      operations: Array<{ id: string; calls: number; statuses: object }>;
    };
    expect(stats.total).toBe(7);
    expect(stats.operations.find((operation) => operation.id === 'create_app')).toMatchObject({ calls: 2, statuses: { 201: 1, 400: 1 } });
    expect(stats.operations.find((operation) => operation.id === 'list_apps')).toMatchObject({ calls: 1, statuses: { 200: 1 } });
  });

  it('starts capturing only once a stream is open (the request path stays a counter increment)', async () => {
    const server = await serveDashboard();
    const dashboard = server.dashboard!;
    let begun = 0;
    const begin = dashboard.begin.bind(dashboard);
    dashboard.begin = (req, res, arrivedAt) => {
      begun++;
      begin(req, res, arrivedAt);
    };
    await fetch(`${server.url}/v1/apps`);
    expect(dashboard.watching).toBe(false);
    expect(begun).toBe(0);
    const events = await openEvents(server.url);
    expect(dashboard.watching).toBe(true);
    await fetch(`${server.url}/v1/apps`);
    await events.waitFor(1);
    expect(begun).toBe(1);
    events.close();
    await waitUntil(() => !dashboard.watching);
  });
});

describe('GET /__mock/exchanges/{id}', () => {
  it('shows both sides in full with secrets redacted as in HAR recordings', async () => {
    const server = await serveDashboard();
    const events = await openEvents(server.url);
    const { appId, channelId } = await runLifecycle(server.url);
    const all = await events.waitFor(6);
    const create = all.find((event) => (event.data as { status: number }).status === 201)!;
    const detail = (await (await fetch(`${server.url}/__mock/exchanges/${create.id}`)).json()) as {
      request: { headers: Record<string, string>; body: string };
      response: { status: number; headers: Record<string, string>; body: string };
    };
    expect(detail.request.headers['content-type']).toBe('application/json');
    expect(JSON.parse(detail.request.body)).toMatchObject({
      name: 'Support Bot',
      harness_id: HARNESS_ID,
      channel_config: { token: '[REDACTED]' },
    });
    expect(detail.response.status).toBe(201);
    expect(detail.response.headers['content-type']).toBe('application/json');
    expect(JSON.parse(detail.response.body)).toMatchObject({ id: appId });
    const webhook = all.find((event) => (event.data as { path: string }).path.includes('/webhooks/'))!;
    const invoked = (await (await fetch(`${server.url}/__mock/exchanges/${webhook.id}`)).json()) as {
      request: { path: string; headers: Record<string, string> };
    };
    expect(invoked.request.path).toBe(`/v1/apps/${appId}/webhooks/${channelId}`);
    expect(invoked.request.headers['x-everruns-webhook-token']).toBe('[REDACTED]');
    const text = JSON.stringify(
      await Promise.all(all.map(async (event) => (await fetch(`${server.url}/__mock/exchanges/${event.id}`)).text())),
    );
    expect(text).not.toContain(WEBHOOK_TOKEN);
  });

  it('answers 404 problem+json for an id it does not hold', async () => {
    const server = await serveDashboard();
    for (const id of ['99', '0', 'abc', '1e3']) {
      const answer = await fetch(`${server.url}/__mock/exchanges/${id}`);
      expect(answer.status).toBe(404);
      expect(answer.headers.get('content-type')).toBe('application/problem+json');
      expect(await answer.json()).toMatchObject({ status: 404, instance: `/__mock/exchanges/${id}` });
    }
  });
});

describe('the page and its files', () => {
  it('serves the page, its scripts and the vendored libraries from the package', async () => {
    const server = await serveDashboard();
    const page = await fetch(`${server.url}/__mock/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await page.text();
    expect(html).not.toMatch(/https?:\/\//);
    for (const file of [
      'app.js',
      'dashboard.css',
      'vendor/preact.js',
      'vendor/preact-hooks.js',
      'vendor/htm.js',
      'vendor/uplot.js',
      'vendor/uplot.css',
    ]) {
      const answer = await fetch(`${server.url}/__mock/${file}`);
      expect(answer.status, file).toBe(200);
      expect(await answer.text(), file).not.toBe('');
    }
  });

  it('reaches no file outside its table', async () => {
    const server = await serveDashboard();
    for (const path of [
      '../package.json',
      '..%2Fpackage.json',
      'vendor/../../package.json',
      'index.html.bak',
      'vendor/',
      'serve-dashboard.ts',
    ]) {
      const answer = await fetch(`${server.url}/__mock/${path}`);
      expect(answer.status, path).toBe(404);
      expect(answer.headers.get('content-type')).toBe('application/problem+json');
    }
  });

  it('is not there without a dashboard', async () => {
    const server = await serveDashboard({ dashboard: false });
    for (const path of ['', 'events', 'stats', 'app.js']) expect((await fetch(`${server.url}/__mock/${path}`)).status, path).toBe(404);
    expect((await fetch(`${server.url}/__mock/state`)).status).toBe(200);
  });
});

async function waitUntil(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
