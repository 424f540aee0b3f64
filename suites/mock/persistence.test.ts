import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { request } from 'undici';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, runCli, startCli, type CliProcess } from '../helpers/cli-process.js';
import { HARNESS } from '../helpers/apps-ids.js';

/**
 * `mock --state FILE` against the built CLI in a child process: every change the mock acknowledged
 * must survive `kill -9` and come back on restart; `--load` seeds the state from a snapshot.
 */

const TOKEN = 'persist-token';
const DEMO = resolve(import.meta.dirname, '../../fixtures/demo.json');

interface Snapshot {
  apps: Array<{ id: string; status: string; name: string; channels: Array<{ id: string; shared_session_id: string | null }> }>;
  runs: Array<{ id: string; app_id: string; session_id: string }>;
}

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'everruns-persist-'));
}

async function call(cli: CliProcess, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const response = await request(`${cli.url}${path}`, {
    method: method as 'GET',
    headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.body.text();
  return { status: response.statusCode, body: text === '' ? undefined : (JSON.parse(text) as Record<string, any>) };
}

/** Kills the process without any chance to flush or close, as a crash would. */
async function crash(cli: CliProcess): Promise<void> {
  const { signal } = await cli.stop('SIGKILL');
  expect(signal).toBe('SIGKILL');
}

async function exportState(cli: CliProcess): Promise<Snapshot> {
  const state = await call(cli, 'GET', '/__mock/state');
  expect(state.status).toBe(200);
  return state.body as Snapshot;
}

/** Apps and runs in a stable order, for comparing the state before a crash and after the restart. */
function canonical(snapshot: Snapshot) {
  const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
  return { apps: [...snapshot.apps].sort(byId), runs: [...snapshot.runs].sort(byId) };
}

function invoke(cli: CliProcess, appId: string, channelId: string, payload: unknown) {
  return call(cli, 'POST', `/v1/apps/${appId}/webhooks/${channelId}`, payload, { 'x-everruns-webhook-token': TOKEN });
}

describe('mock --state: persistence across kill -9', () => {
  beforeAll(ensureBuilt, 180_000);

  it('keeps every acknowledged change (apps, channels, runs, the shared session) across crashes', async () => {
    const db = join(tempDir(), 'state.db');
    const args = ['mock', '--port', '0', '--state', db, '--quiet', '--run-duration', '0'];

    // Life 1: an app with a shared-session webhook, published and invoked once.
    let cli = await startCli(args);
    const created = await call(cli, 'POST', '/v1/apps', {
      name: 'Durable',
      harness_id: HARNESS,
      channel_type: 'webhook',
      channel_config: { token: TOKEN, message: 'hi {{ payload.n }}', session_mode: 'shared_session' },
    });
    expect(created.status).toBe(201);
    const appId = created.body!.id as string;
    const channelId = created.body!.channels[0].id as string;
    expect((await call(cli, 'POST', `/v1/apps/${appId}/publish`)).status).toBe(200);
    const first = await invoke(cli, appId, channelId, { n: 1 });
    expect(first.status).toBe(202);
    expect(first.body!.created_session).toBe(true);
    const sessionId = first.body!.session_id as string;
    const beforeCrash1 = canonical(await exportState(cli));
    await crash(cli);

    // Life 2: everything is back; the shared session is reused; more changes, then another crash.
    cli = await startCli(args);
    expect(canonical(await exportState(cli))).toEqual(beforeCrash1);
    const app = await call(cli, 'GET', `/v1/apps/${appId}`);
    expect(app.body).toMatchObject({ id: appId, status: 'published', name: 'Durable' });
    expect(app.body!.channels.map((channel: { id: string }) => channel.id)).toEqual([channelId]);
    const second = await invoke(cli, appId, channelId, { n: 2 });
    expect(second.status).toBe(202);
    expect(second.body).toMatchObject({ created_session: false, session_id: sessionId });
    expect((await call(cli, 'PATCH', `/v1/apps/${appId}`, { name: 'Durable, renamed' })).status).toBe(200);
    const schedule = await call(cli, 'POST', `/v1/apps/${appId}/channels`, { channel_type: 'schedule', channel_config: { cron_expression: '0 9 * * 1-5', message: 'standup' } });
    expect(schedule.status).toBe(201);
    const other = await call(cli, 'POST', '/v1/apps', { name: 'Short-lived', harness_id: HARNESS });
    expect(other.status).toBe(201);
    expect((await call(cli, 'DELETE', `/v1/apps/${other.body!.id}`)).status).toBe(204);
    const beforeCrash2 = canonical(await exportState(cli));
    await crash(cli);

    // Life 3: the second life's changes are all there.
    cli = await startCli(args);
    expect(canonical(await exportState(cli))).toEqual(beforeCrash2);
    const renamed = await call(cli, 'GET', `/v1/apps/${appId}`);
    expect(renamed.body).toMatchObject({ name: 'Durable, renamed', status: 'published' });
    expect(renamed.body!.channels.map((channel: { id: string }) => channel.id)).toEqual([channelId, schedule.body!.id]);
    expect((await call(cli, 'GET', `/v1/apps/${other.body!.id}`)).body).toMatchObject({ status: 'archived' });
    const listed = await call(cli, 'GET', '/v1/apps');
    expect(listed.body!.data.map((entry: { id: string }) => entry.id)).toEqual([appId]);
    const runs = await call(cli, 'GET', `/v1/apps/${appId}/runs`);
    expect(runs.status).toBe(200);
    expect(runs.body!.data).toHaveLength(2);
    const third = await invoke(cli, appId, channelId, { n: 3 });
    expect(third.body).toMatchObject({ created_session: false, session_id: sessionId });
    await crash(cli);
  });

  it('keeps a burst of concurrent writes acknowledged just before the crash', async () => {
    const db = join(tempDir(), 'state.db');
    const args = ['mock', '--port', '0', '--state', db, '--quiet'];
    let cli = await startCli(args);
    const answers = await Promise.all(Array.from({ length: 25 }, (_, i) => call(cli, 'POST', '/v1/apps', { name: `Burst ${i}`, harness_id: HARNESS })));
    expect(answers.every((answer) => answer.status === 201)).toBe(true);
    // No pause: the kill lands as soon as the last acknowledgement is read.
    await crash(cli);
    cli = await startCli(args);
    const listed = await call(cli, 'GET', '/v1/apps');
    const ids = new Set(listed.body!.data.map((entry: { id: string }) => entry.id));
    for (const answer of answers) expect(ids.has(answer.body!.id)).toBe(true);
    expect(ids.size).toBe(25);
    await cli.stop();
  });

  it('serves the apps of a --load snapshot, and --load seeds an empty --state', async () => {
    const dir = tempDir();
    // A snapshot exported from a running mock, so this test does not depend on fixtures/demo.json.
    const source = await startCli(['mock', '--port', '0', '--quiet']);
    const names = ['Loaded one', 'Loaded two'];
    const ids: string[] = [];
    for (const name of names) ids.push((await call(source, 'POST', '/v1/apps', { name, harness_id: HARNESS })).body!.id as string);
    const snapshotFile = join(dir, 'demo.json');
    writeFileSync(snapshotFile, JSON.stringify(await exportState(source)));
    await source.stop();

    const loaded = await startCli(['mock', '--port', '0', '--quiet', '--load', snapshotFile]);
    for (const [index, id] of ids.entries()) expect((await call(loaded, 'GET', `/v1/apps/${id}`)).body).toMatchObject({ id, name: names[index] });
    expect((await call(loaded, 'GET', '/v1/apps')).body!.data).toHaveLength(2);
    await loaded.stop();

    // --load into an empty --state writes the snapshot through; the state alone then has it.
    const db = join(dir, 'seeded.db');
    const seeding = await startCli(['mock', '--port', '0', '--quiet', '--load', snapshotFile, '--state', db]);
    await crash(seeding);
    const reopened = await startCli(['mock', '--port', '0', '--quiet', '--state', db]);
    expect((await call(reopened, 'GET', '/v1/apps')).body!.data.map((app: { id: string }) => app.id).sort()).toEqual([...ids].sort());
    await reopened.stop();

    // Loading over a non-empty state would silently drop one of them: refused.
    const refused = await runCli(['mock', '--port', '0', '--quiet', '--load', snapshotFile, '--state', db]);
    expect(refused.code).toBe(2);
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('serves every app of fixtures/demo.json when the lead has provided it', async () => {
    // The file is the lead's; until it exists the export of a fresh mock stands in for it.
    const file = existsSync(DEMO) ? DEMO : join(tempDir(), 'empty-demo.json');
    if (file !== DEMO) writeFileSync(file, JSON.stringify({ version: 1, apps: [], runs: [] }));
    const snapshot = JSON.parse(readFileSync(file, 'utf8')) as Snapshot;
    const cli = await startCli(['mock', '--port', '0', '--quiet', '--load', file]);
    for (const app of snapshot.apps) {
      const served = await call(cli, 'GET', `/v1/apps/${app.id}`);
      if (app.status === 'deleted') expect(served.status).toBe(404);
      else expect(served.body).toMatchObject({ id: app.id, name: app.name, status: app.status });
    }
    const state = await exportState(cli);
    expect(canonical(state).apps.map((app) => app.id)).toEqual(canonical(snapshot).apps.map((app) => app.id));
    await cli.stop();
  });

  it('exits 2 with one line when the --state file cannot be opened', async () => {
    const dir = tempDir();
    const garbage = join(dir, 'not-a-database.db');
    writeFileSync(garbage, 'this is not a SQLite file, just text long enough to fill a header page'.repeat(20));
    for (const path of [join(dir, 'missing-dir', 'state.db'), dir, garbage]) {
      const result = await runCli(['mock', '--port', '0', '--quiet', '--state', path]);
      expect(result.code, result.stderr).toBe(2);
      const lines = result.stderr.trim().split('\n');
      expect(lines, result.stderr).toHaveLength(1);
      expect(lines[0]).toContain(path);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
  });
});
