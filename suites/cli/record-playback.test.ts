import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'undici';
import { describe, expect, it, onTestFinished } from 'vitest';
import { runRecord } from '../../src/cli/commands/record.js';
import { loadPlayback } from '../../src/api/playback.js';
import { createMockServer } from '../../src/mock/index.js';
import { captureIo, waitFor } from '../helpers/capture-io.js';
import { loadAppsSpec, serveApps } from '../helpers/serve.js';
import { HARNESS } from '../helpers/apps-ids.js';

const TOKEN = 'whk_cli_record_secret_token';

describe('record → mock --fixtures, as the CLI wires them', () => {
  it('records through the proxy with live validation, and plays back byte-identical answers', async () => {
    const target = await serveApps();
    const harPath = join(mkdtempSync(join(tmpdir(), 'cli-record-')), 'session.har');
    const recorder = captureIo();
    const finished = runRecord(['--target', target.url, '--out', harPath, '--port', '0'], recorder);
    const proxyUrl = (await waitFor(/listening on (http:\/\/\S+)/, recorder.out))[1]!;

    const sent: Array<{ method: 'GET' | 'POST'; path: string; body?: string; status: number; answer: string }> = [];
    const call = async (method: 'GET' | 'POST', path: string, body?: unknown, headers: Record<string, string> = {}) => {
      const text = body === undefined ? undefined : JSON.stringify(body);
      const response = await request(proxyUrl + path, {
        method,
        headers: { 'content-type': 'application/json', ...headers },
        ...(text ? { body: text } : {}),
      });
      const answer = await response.body.text();
      sent.push({ method, path, ...(text ? { body: text } : {}), status: response.statusCode, answer });
      return JSON.parse(answer) as Record<string, any>;
    };
    const app = await call('POST', '/v1/apps', {
      name: 'Recorded',
      harness_id: HARNESS,
      channel_type: 'webhook',
      channel_config: { token: TOKEN, message: 'hi' },
    });
    await call('POST', `/v1/apps/${app.id}/publish`);
    await call('POST', `/v1/apps/${app.id}/webhooks/${app.channels[0].id}`, { n: 1 }, { 'x-everruns-webhook-token': TOKEN });
    await call('GET', `/v1/apps/${app.id}`);
    await call('GET', '/v1/apps/app_123');
    await waitFor(/GET \/v1\/apps\/app_123 400/, recorder.out);
    recorder.stop('SIGINT');
    expect(await finished).toBe(0);
    expect(recorder.out()).toMatch(/0 violations seen/);
    expect(readFileSync(harPath, 'utf8')).not.toContain(TOKEN);

    // Playback: a fresh mock answers every recorded request with the recorded status and body.
    const playback = loadPlayback([harPath], true);
    const player = await createMockServer({ spec: await loadAppsSpec(), port: 0, playback });
    onTestFinished(() => player.close());
    for (const exchange of sent) {
      const response = await request(player.url + exchange.path, {
        method: exchange.method,
        headers: { 'content-type': 'application/json', 'x-everruns-webhook-token': 'a different secret' },
        ...(exchange.body ? { body: exchange.body } : {}),
      });
      expect(response.statusCode).toBe(exchange.status);
      expect(await response.body.text()).toBe(exchange.answer);
    }
    const miss = await request(`${player.url}/v1/apps/${app.id}/runs`);
    expect(miss.statusCode).toBe(404);
    expect(miss.headers['content-type']).toBe('application/problem+json');
    expect(((await miss.body.json()) as { code: string; detail: string }).detail).toMatch(/closest: /);
  });

  it('without --strict, an unrecorded request falls through to the stateful mock', async () => {
    const playback = loadPlayback([new URL('../../fixtures/apps-lifecycle.har', import.meta.url).pathname], false);
    const server = await serveApps({}, { playback });
    const recorded = await request(`${server.url}/v1/apps?search=support`);
    expect(((await recorded.body.json()) as { data: Array<{ name: string }> }).data[0]?.name).toBe('Support Bot');
    const created = await request(`${server.url}/v1/apps`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Live', harness_id: HARNESS }),
    });
    expect(created.statusCode).toBe(201);
    expect(((await created.body.json()) as { name: string }).name).toBe('Live');
  });
});
