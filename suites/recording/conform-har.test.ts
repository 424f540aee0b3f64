import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'undici';
import { describe, expect, it, onTestFinished } from 'vitest';
import { runConform } from '../../src/cli/commands/conform.js';
import { createRecordingProxy } from '../../src/recording/index.js';
import { CATALOGUE } from '../conformance/targets/catalogue.js';
import { serveWithBug } from '../conformance/targets/front.js';
import { captureIo } from '../helpers/capture-io.js';
import { serveApps } from '../helpers/serve.js';
import { HARNESS } from '../helpers/apps-ids.js';

const TOKEN = 'whk_recorded_lifecycle_token';
const OFFLINE = new Set([
  'not_a_server_error',
  'status_code_conformance',
  'content_type_conformance',
  'response_schema_conformance',
  'problem_json_conformance',
  'secret_not_echoed',
]);

/** Records a small lifecycle (good and bad requests) through the recorder, returning the HAR path. */
async function recordLifecycle(target: string): Promise<string> {
  const harPath = join(mkdtempSync(join(tmpdir(), 'conform-har-')), 'run.har');
  const proxy = await createRecordingProxy({ target, harPath, port: 0 });
  let open = true;
  const close = async () => {
    if (open) await proxy.close();
    open = false;
  };
  onTestFinished(close);
  const call = async (method: 'GET' | 'POST' | 'PATCH', path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const response = await request(proxy.url + path, {
      method,
      headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.body.text();
    return text ? (JSON.parse(text) as Record<string, any>) : {};
  };
  const app = await call('POST', '/v1/apps', {
    name: 'Recorded',
    harness_id: HARNESS,
    channel_type: 'webhook',
    channel_config: { token: TOKEN, message: 'hi' },
  });
  await call('GET', `/v1/apps/${app.id}`);
  await call('POST', `/v1/apps/${app.id}/publish`);
  await call('POST', `/v1/apps/${app.id}/webhooks/${app.channels?.[0]?.id}`, { x: 1 }, { 'x-everruns-webhook-token': TOKEN });
  await call('POST', '/v1/apps', { name: 42 });
  await call('GET', '/v1/apps/app_0193a3b5c0de700080000000000000ff');
  await close();
  return harPath;
}

describe('conform --har: the stateless checks over a recording, offline', () => {
  it('reports nothing on a recording of the clean mock, and the shipped fixture is clean too', async () => {
    const mock = await serveApps();
    const harPath = await recordLifecycle(mock.url);
    for (const file of [harPath, new URL('../../fixtures/apps-lifecycle.har', import.meta.url).pathname]) {
      const io = captureIo();
      expect(await runConform(['--har', file], io), io.out()).toBe(0);
      expect(io.out()).toMatch(/all checks passed/);
    }
  });

  it.each(CATALOGUE.filter((planted) => OFFLINE.has(planted.check)).map((planted) => [planted.name, planted] as const))(
    'reports %s from its recording',
    async (_name, planted) => {
      const front = await serveWithBug(planted.bug());
      const harPath = await recordLifecycle(front.url);
      const io = captureIo();
      expect(await runConform(['--har', harPath], io), io.out()).toBe(1);
      expect(io.out()).toContain(`[${planted.check}]`);
    },
  );

  it('refuses --har together with --target, and a broken HAR file, with exit 2', async () => {
    const io = captureIo();
    expect(await runConform(['--har', 'x.har', '--target', 'http://127.0.0.1:1'], io)).toBe(2);
    const broken = join(mkdtempSync(join(tmpdir(), 'conform-har-')), 'broken.har');
    await import('node:fs').then((fs) => fs.writeFileSync(broken, '{"log": '));
    const second = captureIo();
    expect(await runConform(['--har', broken], second)).toBe(2);
    expect(second.err()).toMatch(/broken\.har/);
  });
});

describe('conform --record', () => {
  it("keeps the live run's exchanges in a HAR without the API key, and the reports name the real target", async () => {
    const mock = await serveApps({ apiKey: 'live-api-key-123456' });
    const harPath = join(mkdtempSync(join(tmpdir(), 'conform-record-')), 'run.har');
    const io = captureIo();
    const code = await runConform(
      ['--target', mock.url, '--api-key', 'live-api-key-123456', '--runs', '5', '--seed', '3', '--record', harPath],
      io,
    );
    expect(code, io.out()).toBe(0);
    const har = JSON.parse(readFileSync(harPath, 'utf8')) as { log: { entries: unknown[] } };
    expect(har.log.entries.length).toBeGreaterThan(50);
    expect(readFileSync(harPath, 'utf8')).not.toContain('live-api-key-123456');
    expect(io.out()).toContain(mock.url);
    const replayed = captureIo();
    expect(await runConform(['--har', harPath], replayed), replayed.out()).toBe(0);
  });
});
