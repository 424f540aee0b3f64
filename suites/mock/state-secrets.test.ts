import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { startMock, type MockHandle, type StartMockOptions } from '../../src/api/index.js';
import { HARNESS } from '../helpers/apps-ids.js';
import { tempDir } from '../helpers/temp-dir.js';

const TOKEN = 'whk_restorable_secret';

async function mockFor(options: StartMockOptions = {}): Promise<MockHandle> {
  const mock = await startMock({ runDurationMs: 0, dashboard: false, ...options });
  onTestFinished(() => mock.close());
  return mock;
}

/** A published app with a webhook channel; returns the webhook's path. */
async function publishedWebhook(mock: MockHandle, headers: Record<string, string> = {}): Promise<string> {
  const created = await fetch(`${mock.url}/v1/apps`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({
      name: 'Restorable',
      harness_id: HARNESS,
      channel_type: 'webhook',
      channel_config: { token: TOKEN, message: 'Hi {{ payload.x }}' },
    }),
  });
  const app = (await created.json()) as { id: string; channels: Array<{ id: string }> };
  await fetch(`${mock.url}/v1/apps/${app.id}/publish`, { method: 'POST', headers });
  return `/v1/apps/${app.id}/webhooks/${app.channels[0]!.id}`;
}

const invoke = (mock: MockHandle, path: string) =>
  fetch(`${mock.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-everruns-webhook-token': TOKEN },
    body: '{"x":1}',
  });

const exported = async (mock: MockHandle, query = '', headers: Record<string, string> = {}) =>
  (await fetch(`${mock.url}/__mock/state${query}`, { headers })).text();

describe('GET /__mock/state: redacted by default, restorable with ?secrets=include', () => {
  it('hides channel secrets as the API does unless asked for them', async () => {
    const mock = await mockFor();
    await publishedWebhook(mock);
    for (const query of ['', '?secrets=redact']) {
      const text = await exported(mock, query);
      expect(text).not.toContain(TOKEN);
      expect(text).toContain('"token_configured":true');
    }
    expect(await exported(mock, '?secrets=include')).toContain(`"token":"${TOKEN}"`);
  });

  it('round-trips: a ?secrets=include export loaded again (PUT, --load) keeps the webhook working; a redacted one does not', async () => {
    const source = await mockFor();
    const webhook = await publishedWebhook(source);
    const full = await exported(source, '?secrets=include');
    const redacted = await exported(source);

    const restored = await mockFor();
    expect((await fetch(`${restored.url}/__mock/state`, { method: 'PUT', body: full })).status).toBe(204);
    expect((await invoke(restored, webhook)).status).toBe(202);

    const file = join(tempDir(), 'state.json');
    writeFileSync(file, full);
    const loaded = await mockFor({ state: file });
    expect((await invoke(loaded, webhook)).status).toBe(202);

    const lossy = await mockFor();
    await fetch(`${lossy.url}/__mock/state`, { method: 'PUT', body: redacted });
    expect((await invoke(lossy, webhook)).status).toBe(401);
  });

  it('is gated by --api-key like the rest of /__mock/*', async () => {
    const mock = await mockFor({ apiKey: 'admin-key' });
    await publishedWebhook(mock, { authorization: 'Bearer admin-key' });
    const refused = await fetch(`${mock.url}/__mock/state?secrets=include`);
    expect(refused.status).toBe(401);
    expect(await refused.text()).not.toContain(TOKEN);
    expect(await exported(mock, '?secrets=include', { authorization: 'Bearer admin-key' })).toContain(TOKEN);
  });

  it('refuses another value of secrets with a 400 problem', async () => {
    const mock = await mockFor();
    const answer = await fetch(`${mock.url}/__mock/state?secrets=all`);
    expect(answer.status).toBe(400);
    expect(((await answer.json()) as { detail: string }).detail).toBe("secrets must be 'include' or 'redact', got 'all'");
  });

  it('gives the library the restorable form by default, and the redacted one when asked', async () => {
    const mock = await mockFor();
    await publishedWebhook(mock);
    expect(JSON.stringify(mock.state())).toContain(TOKEN);
    expect(JSON.stringify(mock.state({ secrets: false }))).not.toContain(TOKEN);
    const copy = await mockFor();
    copy.load(mock.state());
    expect(copy.state()).toEqual(mock.state());
  });
});
