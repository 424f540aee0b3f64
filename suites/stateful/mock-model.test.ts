/**
 * Model-based test of the running Apps mock: random command sequences over HTTP, each checked
 * against a tiny reference model written here from the contract (not src/model, which it guards).
 * FC_SEED and FC_NUM_RUNS replay or widen a run; the seed is in the describe title.
 */
import fc from 'fast-check';
import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import { serveApps } from '../helpers/serve.js';
import { HARNESS } from '../helpers/apps-ids.js';

const SEED = Number(process.env.FC_SEED ?? Date.now() % 2 ** 31);
const NUM_RUNS = Number(process.env.FC_NUM_RUNS ?? 30);
const MAX_COMMANDS = 15;
const UNKNOWN_APP = `app_${'f'.repeat(32)}`;

type Status = 'draft' | 'published' | 'archived';
type SessionMode = 'shared_session' | 'session_per_invocation';
interface ChannelRef { id: string; token: string; mode: SessionMode; session?: string }
interface AppRef { id: string; name: string; status: Status; channels: ChannelRef[]; runs: number }
/** The reference model: apps in creation order, every session id ever handed out. */
interface Model { apps: AppRef[]; sessions: Set<string>; tokens: number }
interface Real { url: string }
interface Reply { status: number; json: any; text: string; headers: Record<string, unknown> }

async function call(real: Real, method: string, path: string, init: { body?: unknown; headers?: Record<string, string> } = {}): Promise<Reply> {
  const headers = { ...init.headers, ...(init.body === undefined ? {} : { 'content-type': 'application/json' }) };
  const response = await request(real.url + path, { method: method as 'GET', headers, body: init.body === undefined ? undefined : JSON.stringify(init.body) });
  const text = await response.body.text();
  return { status: response.statusCode, text, headers: response.headers, json: text ? JSON.parse(text) : undefined };
}

/** Asserts the status and that no channel token of the model leaked into the reply. */
function expectReply(model: Model, reply: Reply, status: number, what: string, sentToken?: string): void {
  expect(reply.status, `${what} → ${reply.text.slice(0, 300)}`).toBe(status);
  const wire = reply.text + JSON.stringify(reply.headers);
  const tokens = model.apps.flatMap((app) => app.channels.map((channel) => channel.token));
  for (const token of sentToken ? [...tokens, sentToken] : tokens) expect(wire.includes(token), `${what} leaked ${token}`).toBe(false);
  if (status >= 400) expect(reply.json, what).toMatchObject({ status, title: expect.any(String) });
}

const pick = <T>(items: readonly T[], index: number): T => items[index % items.length]!;
type Cmd = fc.AsyncCommand<Model, Real>;

class CreateApp implements Cmd {
  constructor(readonly name: string, readonly mode: SessionMode | undefined) {}
  check = () => true;
  async run(m: Model, r: Real) {
    const token = `whk_model_token_${++m.tokens}`;
    const channel = this.mode ? { channel_type: 'webhook', channel_config: { token, message: 'go', session_mode: this.mode } } : {};
    const reply = await call(r, 'POST', '/v1/apps', { body: { name: this.name, harness_id: HARNESS, ...channel } });
    expectReply(m, reply, 201, this.toString(), token);
    expect(reply.json).toMatchObject({ name: this.name, status: 'draft', channels: this.mode ? [{ channel_type: 'webhook', enabled: true }] : [] });
    const channels = this.mode ? [{ id: reply.json.channels[0].id as string, token, mode: this.mode }] : [];
    m.apps.push({ id: reply.json.id, name: this.name, status: 'draft', channels, runs: 0 });
  }
  toString = () => `POST /v1/apps ${JSON.stringify(this.name)}${this.mode ? ` +webhook(${this.mode})` : ''}`;
}

class GetApp implements Cmd {
  constructor(readonly index: number) {}
  check = () => true;
  async run(m: Model, r: Real) {
    const app = m.apps.length ? pick(m.apps, this.index) : undefined;
    const reply = await call(r, 'GET', `/v1/apps/${app?.id ?? UNKNOWN_APP}`);
    expectReply(m, reply, app ? 200 : 404, this.toString());
    if (app) expect(reply.json).toMatchObject({ id: app.id, name: app.name, status: app.status, channels: app.channels.map((c) => ({ id: c.id })) });
  }
  toString = () => `GET /v1/apps/{#${this.index}}`;
}

class ListApps implements Cmd {
  constructor(readonly includeArchived: boolean) {}
  check = () => true;
  async run(m: Model, r: Real) {
    const reply = await call(r, 'GET', `/v1/apps${this.includeArchived ? '?include_archived=true' : ''}`);
    expectReply(m, reply, 200, this.toString());
    const visible = m.apps.filter((app) => this.includeArchived || app.status !== 'archived');
    const data = reply.json.data as { id: string; created_at: string }[];
    // Creation order is the model's; apps born in the same millisecond may tie, so compare as sets plus order of timestamps.
    expect(data.map((app) => app.id).sort()).toEqual(visible.map((app) => app.id).sort());
    const times = data.map((app) => Date.parse(app.created_at));
    expect(times, 'newest first').toEqual([...times].sort((a, b) => b - a));
  }
  toString = () => `GET /v1/apps${this.includeArchived ? '?include_archived=true' : ''}`;
}

class RenameApp implements Cmd {
  constructor(readonly index: number, readonly name: string) {}
  check = (m: Readonly<Model>) => m.apps.length > 0;
  async run(m: Model, r: Real) {
    const app = pick(m.apps, this.index);
    const reply = await call(r, 'PATCH', `/v1/apps/${app.id}`, { body: { name: this.name } });
    if (app.status === 'archived') return expectReply(m, reply, 400, this.toString());
    expectReply(m, reply, 200, this.toString());
    app.name = this.name;
    expect(reply.json).toMatchObject({ name: this.name, status: app.status });
  }
  toString = () => `PATCH /v1/apps/{#${this.index}} name=${JSON.stringify(this.name)}`;
}

class Publish implements Cmd {
  constructor(readonly index: number) {}
  check = (m: Readonly<Model>) => m.apps.length > 0;
  async run(m: Model, r: Real) {
    const app = pick(m.apps, this.index);
    const reply = await call(r, 'POST', `/v1/apps/${app.id}/publish`);
    if (app.status !== 'draft' || app.channels.length === 0) return expectReply(m, reply, 400, this.toString());
    expectReply(m, reply, 200, this.toString());
    app.status = 'published';
    expect(reply.json).toMatchObject({ status: 'published', published_at: expect.any(String) });
  }
  toString = () => `POST /v1/apps/{#${this.index}}/publish`;
}

class Unpublish implements Cmd {
  constructor(readonly index: number) {}
  check = (m: Readonly<Model>) => m.apps.length > 0;
  async run(m: Model, r: Real) {
    const app = pick(m.apps, this.index);
    const reply = await call(r, 'POST', `/v1/apps/${app.id}/unpublish`);
    if (app.status === 'archived') return expectReply(m, reply, 400, this.toString());
    expectReply(m, reply, 200, this.toString());
    app.status = 'draft';
    expect(reply.json).toMatchObject({ status: 'draft' });
  }
  toString = () => `POST /v1/apps/{#${this.index}}/unpublish`;
}

class Archive implements Cmd {
  constructor(readonly index: number) {}
  check = (m: Readonly<Model>) => m.apps.length > 0;
  async run(m: Model, r: Real) {
    const app = pick(m.apps, this.index);
    const reply = await call(r, 'DELETE', `/v1/apps/${app.id}`);
    expectReply(m, reply, 204, this.toString());
    expect(reply.text).toBe('');
    app.status = 'archived';
  }
  toString = () => `DELETE /v1/apps/{#${this.index}}`;
}

class AddWebhook implements Cmd {
  constructor(readonly index: number, readonly mode: SessionMode) {}
  check = (m: Readonly<Model>) => m.apps.length > 0;
  async run(m: Model, r: Real) {
    const app = pick(m.apps, this.index);
    const token = `whk_model_token_${++m.tokens}`;
    const reply = await call(r, 'POST', `/v1/apps/${app.id}/channels`, { body: { channel_type: 'webhook', channel_config: { token, message: 'go', session_mode: this.mode } } });
    if (app.status === 'archived') return expectReply(m, reply, 400, this.toString(), token);
    expectReply(m, reply, 201, this.toString(), token);
    app.channels.push({ id: reply.json.id, token, mode: this.mode });
    expect(reply.json).toMatchObject({ channel_type: 'webhook', enabled: true, channel_config: { token_configured: true } });
  }
  toString = () => `POST /v1/apps/{#${this.index}}/channels webhook(${this.mode})`;
}

type TokenKind = 'right' | 'wrong' | 'missing' | 'bearer';
class InvokeWebhook implements Cmd {
  constructor(readonly index: number, readonly channel: number, readonly token: TokenKind) {}
  check = (m: Readonly<Model>) => m.apps.some((app) => app.channels.length > 0);
  async run(m: Model, r: Real) {
    const app = pick(m.apps.filter((candidate) => candidate.channels.length > 0), this.index);
    const channel = pick(app.channels, this.channel);
    const headers: Record<string, string> =
      this.token === 'right' ? { 'x-everruns-webhook-token': channel.token }
      : this.token === 'bearer' ? { authorization: `Bearer ${channel.token}` }
      : this.token === 'wrong' ? { 'x-everruns-webhook-token': 'whk_not_the_token' }
      : {};
    const reply = await call(r, 'POST', `/v1/apps/${app.id}/webhooks/${channel.id}`, { headers, body: { subject: 'model' } });
    // Contract order: not published → 403 before any token check; then 401 for a missing or wrong token.
    if (app.status !== 'published') return expectReply(m, reply, 403, this.toString());
    if (this.token === 'wrong' || this.token === 'missing') return expectReply(m, reply, 401, this.toString());
    expectReply(m, reply, 202, this.toString());
    app.runs += 1;
    const { created_session: created, session_id: session } = reply.json;
    expect(reply.json.accepted).toBe(true);
    if (channel.mode === 'shared_session' && channel.session) {
      expect({ created, session }).toEqual({ created: false, session: channel.session });
    } else {
      expect(created).toBe(true);
      expect(m.sessions.has(session), `session ${session} is new`).toBe(false);
    }
    m.sessions.add(session);
    if (channel.mode === 'shared_session') channel.session = session;
  }
  toString = () => `POST /v1/apps/{#${this.index}}/webhooks/{#${this.channel}} token=${this.token}`;
}

class ListRuns implements Cmd {
  constructor(readonly index: number) {}
  check = (m: Readonly<Model>) => m.apps.length > 0;
  async run(m: Model, r: Real) {
    const app = pick(m.apps, this.index);
    const reply = await call(r, 'GET', `/v1/apps/${app.id}/runs?groupBy=hour`);
    expectReply(m, reply, 200, this.toString());
    expect(reply.json.data).toHaveLength(app.runs);
    const counted = (reply.json.buckets ?? []).reduce((sum: number, b: { ok: number; err: number; running: number }) => sum + b.ok + b.err + b.running, 0);
    expect(counted, 'buckets add up to the runs').toBe(app.runs);
  }
  toString = () => `GET /v1/apps/{#${this.index}}/runs?groupBy=hour`;
}

const index = fc.nat({ max: 20 });
const mode = fc.constantFrom<SessionMode>('shared_session', 'session_per_invocation');
const appName = fc.stringMatching(/^[A-Za-z][A-Za-z0-9 ]{0,11}$/);
const COMMANDS = [
  fc.tuple(appName, fc.option(mode, { nil: undefined })).map(([name, m]) => new CreateApp(name, m)),
  index.map((i) => new GetApp(i)),
  fc.boolean().map((all) => new ListApps(all)),
  fc.tuple(index, appName).map(([i, name]) => new RenameApp(i, name)),
  index.map((i) => new Publish(i)),
  index.map((i) => new Unpublish(i)),
  index.map((i) => new Archive(i)),
  fc.tuple(index, mode).map(([i, m]) => new AddWebhook(i, m)),
  fc.tuple(index, index, fc.constantFrom<TokenKind>('right', 'bearer', 'wrong', 'missing')).map(([i, c, t]) => new InvokeWebhook(i, c, t)),
  index.map((i) => new ListRuns(i)),
];

describe(`stateful mock vs reference model (seed ${SEED}, ${NUM_RUNS} runs)`, () => {
  it('every command sequence answers as the contract predicts', async () => {
    const server = await serveApps({ runDurationMs: 0, runFailureRate: 0 });
    const real: Real = { url: server.url };
    await fc.assert(
      fc.asyncProperty(fc.commands(COMMANDS, { maxCommands: MAX_COMMANDS }), async (commands) => {
        const reset = await request(`${server.url}/__mock/reset`, { method: 'POST' });
        await reset.body.dump();
        expect(reset.statusCode).toBe(204);
        await fc.asyncModelRun(() => ({ model: { apps: [], sessions: new Set<string>(), tokens: 0 }, real }), commands);
      }),
      { seed: SEED, numRuns: NUM_RUNS },
    );
  }, 120_000);
});
