import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { request } from 'undici';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, runCli, startCli, type CliProcess } from '../helpers/cli-process.js';
import { HARNESS } from '../helpers/apps-ids.js';
import { PLATFORM_DOCUMENT } from '../helpers/serve.js';

/**
 * `mock --state FILE` against the built CLI in a child process: every change the mock acknowledged
 * must survive `kill -9` and come back on restart; `--load` seeds the state from a snapshot.
 */

const PETSTORE = resolve(import.meta.dirname, '../../node_modules/@readme/oas-examples/3.0/json/petstore.json');
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

interface ResourceState {
  resources: { version: 1; records: Array<{ collection: string; id: string; parents: Record<string, string>; seq: number }> };
}

const MESSAGE = { message: { role: 'user', content: [{ type: 'text', text: 'Why is the build failing on main?' }] } };

describe("mock --state: the platform document's inferred resources across kill -9", () => {
  beforeAll(ensureBuilt, 180_000);

  it('keeps agents, sessions and their messages, apps and their runs, updates and deletes across crashes', async () => {
    const db = join(tempDir(), 'resources.db');
    const args = ['mock', '--spec', PLATFORM_DOCUMENT, '--port', '0', '--state', db, '--quiet'];

    // Life 1: two agents (one patched), a session with two messages, a session deleted with its
    // message; an app (the Apps layer's) published with a run, and an a2a channel below it (the inferred resources').
    let cli = await startCli(args);
    const app = await call(cli, 'POST', '/v1/apps', {
      name: 'Durable app',
      harness_id: HARNESS,
      channel_type: 'webhook',
      channel_config: { token: TOKEN, message: 'go' },
    });
    expect(app.status).toBe(201);
    const appId = app.body!.id as string;
    expect((await call(cli, 'POST', `/v1/apps/${appId}/publish`)).status).toBe(200);
    const run = await request(`${cli.url}/v1/apps/${appId}/webhooks/${app.body!.channels[0].id}`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', 'x-everruns-webhook-token': TOKEN },
      body: 'before the crash',
    });
    expect(run.statusCode).toBe(202);
    await run.body.dump();
    expect((await call(cli, 'POST', `/v1/apps/${appId}/a2a-channels`, { message: 'Hello' })).status).toBe(201);
    const agent = await call(cli, 'POST', '/v1/agents', { name: 'Durable agent', system_prompt: 'Be brief.' });
    expect(agent.status).toBe(201);
    const agentId = agent.body!.id as string;
    expect((await call(cli, 'PATCH', `/v1/agents/${agentId}`, { description: 'Patched before the crash' })).status).toBe(200);
    const other = await call(cli, 'POST', '/v1/agents', { name: 'Second agent', system_prompt: 'Be thorough.' });
    const session = await call(cli, 'POST', '/v1/sessions', { title: 'Durable session' });
    expect(session.status).toBe(201);
    const sessionId = session.body!.id as string;
    for (let i = 0; i < 2; i++) expect((await call(cli, 'POST', `/v1/sessions/${sessionId}/messages`, MESSAGE)).status).toBe(201);
    const doomed = await call(cli, 'POST', '/v1/sessions', { title: 'Doomed session' });
    const doomedId = doomed.body!.id as string;
    expect((await call(cli, 'POST', `/v1/sessions/${doomedId}/messages`, MESSAGE)).status).toBe(201);
    expect((await call(cli, 'DELETE', `/v1/sessions/${doomedId}`)).status).toBe(204);
    const before1 = (await exportState(cli)) as unknown as ResourceState;
    expect(before1.resources.records.map((record) => record.collection)).toEqual(['a2a-channels', 'agents', 'agents', 'sessions', 'messages', 'messages']);
    expect((before1 as unknown as Snapshot).apps.map((entry) => [entry.id, entry.status])).toEqual([[appId, 'published']]);
    expect((before1 as unknown as Snapshot).runs).toHaveLength(1);
    await crash(cli);

    // Life 2: the same state; what was written reads back; more changes, another crash.
    cli = await startCli(args);
    expect(await exportState(cli)).toEqual(before1);
    expect((await call(cli, 'GET', `/v1/apps/${appId}`)).body).toMatchObject({ id: appId, status: 'published' });
    expect((await call(cli, 'GET', `/v1/apps/${appId}/runs`)).body!.data).toHaveLength(1);
    expect((await call(cli, 'DELETE', `/v1/apps/${appId}`)).status).toBe(204);
    expect((await call(cli, 'GET', `/v1/agents/${agentId}`)).body).toMatchObject({ id: agentId, name: 'Durable agent', description: 'Patched before the crash' });
    expect((await call(cli, 'GET', `/v1/sessions/${sessionId}/messages`)).body!.data).toHaveLength(2);
    expect((await call(cli, 'GET', `/v1/sessions/${doomedId}`)).status).toBe(404);
    expect((await call(cli, 'GET', `/v1/sessions/${doomedId}/messages`)).status).toBe(404);
    expect((await call(cli, 'DELETE', `/v1/agents/${other.body!.id}`)).status).toBe(204);
    expect((await call(cli, 'PUT', `/v1/agents/${agentId}`, { name: 'Replaced agent', system_prompt: 'Be kind.' })).status).toBe(200);
    const before2 = (await exportState(cli)) as unknown as ResourceState;
    await crash(cli);

    // Life 3: the second life's changes are all there.
    cli = await startCli(args);
    expect(await exportState(cli)).toEqual(before2);
    expect((await call(cli, 'GET', `/v1/apps/${appId}`)).body).toMatchObject({ id: appId, status: 'archived' });
    const listed = await call(cli, 'GET', '/v1/agents');
    expect(listed.body!.data.map((entry: { id: string }) => entry.id)).toEqual([agentId]);
    expect(listed.body!.data[0]).toMatchObject({ name: 'Replaced agent', system_prompt: 'Be kind.' });
    await crash(cli);
  });

  it('keeps a burst of concurrent creates acknowledged just before the crash', async () => {
    const db = join(tempDir(), 'burst.db');
    const args = ['mock', '--spec', PLATFORM_DOCUMENT, '--port', '0', '--state', db, '--quiet'];
    let cli = await startCli(args);
    const answers = await Promise.all(Array.from({ length: 25 }, (_, i) => call(cli, 'POST', '/v1/agents', { name: `Burst ${i}`, system_prompt: 'x' })));
    expect(answers.every((answer) => answer.status === 201)).toBe(true);
    await crash(cli);
    cli = await startCli(args);
    const listed = await call(cli, 'GET', '/v1/agents?limit=100');
    expect(new Set(listed.body!.data.map((entry: { id: string }) => entry.id))).toEqual(new Set(answers.map((answer) => answer.body!.id)));
    await cli.stop();
  });

  it('serves a --load snapshot exported from /__mock/state, seeds an empty --state with it, and refuses to overwrite one', async () => {
    const dir = tempDir();
    const source = await startCli(['mock', '--spec', PLATFORM_DOCUMENT, '--port', '0', '--quiet']);
    const kb = await call(source, 'POST', '/v1/knowledge-bases', { name: 'Handbook' });
    const entry = await call(source, 'POST', `/v1/knowledge-bases/${kb.body!.id}/entries`, { title: 'Refunds', body: 'Within 30 days.' });
    expect(entry.status).toBe(201);
    const file = join(dir, 'resources.json');
    writeFileSync(file, JSON.stringify(await exportState(source)));
    await source.stop();

    const db = join(dir, 'seeded.db');
    const seeding = await startCli(['mock', '--spec', PLATFORM_DOCUMENT, '--port', '0', '--quiet', '--load', file, '--state', db]);
    expect((await call(seeding, 'GET', `/v1/knowledge-bases/${kb.body!.id}/entries/${entry.body!.id}`)).body).toMatchObject({ title: 'Refunds', body: 'Within 30 days.' });
    await crash(seeding);
    const reopened = await startCli(['mock', '--spec', PLATFORM_DOCUMENT, '--port', '0', '--quiet', '--state', db]);
    expect((await call(reopened, 'GET', `/v1/knowledge-bases/${kb.body!.id}/entries`)).body!.data.map((item: { id: string }) => item.id)).toEqual([entry.body!.id]);
    await reopened.stop();

    const refused = await runCli(['mock', '--spec', PLATFORM_DOCUMENT, '--port', '0', '--quiet', '--load', file, '--state', db]);
    expect(refused.code).toBe(2);
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);
    expect(refused.stderr).toContain('non-empty state');
  });

  it.each([
    ['a record of an unknown collection', { resources: { version: 1, records: [{ collection: 'nope', id: 'x' }] } }, /record 0.*nope/],
    [
      'a child whose parent is missing',
      {
        resources: {
          version: 1,
          records: [{ collection: 'messages', id: 'message_1', parents: { session_id: 'session_gone' }, written: {}, representation: {}, created_at: '2025-01-01T00:00:00Z', updated_at: '2025-01-01T00:00:00Z', seq: 1 }],
        },
      },
      /record 0 \(messages "message_1"\).*parent/,
    ],
    ['a record without a seq', { resources: { version: 1, records: [{ collection: 'agents', id: 'agent_1', parents: {}, written: {}, representation: {}, created_at: '2025-01-01T00:00:00Z', updated_at: '2025-01-01T00:00:00Z' }] } }, /record 0 \(agents "agent_1"\).*seq/],
    ['resources that are no object', { resources: [1, 2] }, /"resources" must be an object/],
    ['JSON without state', { hello: 'world' }, /not a state snapshot/],
  ])('exits 2 naming the problem for a --load file with %s', async (_what, snapshot, mention) => {
    const file = join(tempDir(), 'bad.json');
    writeFileSync(file, JSON.stringify(snapshot));
    const result = await runCli(['mock', '--spec', PLATFORM_DOCUMENT, '--port', '0', '--quiet', '--load', file]);
    expect(result.code, result.stderr).toBe(2);
    const lines = result.stderr.trim().split('\n');
    expect(lines, result.stderr).toHaveLength(1);
    expect(lines[0]).toMatch(mention);
    expect(result.stdout).not.toContain('listening on');
  });

  it('exits 2 naming the problem for a --load file with apps a document without the Apps routes cannot take', async () => {
    const file = join(tempDir(), 'apps.json');
    writeFileSync(file, JSON.stringify({ version: 1, apps: [{ id: 'app_1' }], runs: [] }));
    const result = await runCli(['mock', '--spec', PETSTORE, '--port', '0', '--quiet', '--load', file]);
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr.trim()).toMatch(/Apps layer does not serve/);
  });

  it('exits 2 naming the file for a --load file that is not JSON', async () => {
    const file = join(tempDir(), 'broken.json');
    writeFileSync(file, '{"resources": ');
    const result = await runCli(['mock', '--spec', PLATFORM_DOCUMENT, '--port', '0', '--quiet', '--load', file]);
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toMatch(/broken\.json is not valid JSON/);
  });
});
