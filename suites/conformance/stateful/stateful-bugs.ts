/**
 * Planted bugs for the stateful checks, each a front over the real Apps mock (targets/front.ts)
 * that breaks one rule of the contract, so each check can be shown to catch exactly that bug.
 */
import { randomBytes } from 'node:crypto';
import { json, jsonObject, type Bug } from '../targets/front.js';

/** The planted bugs, by name. */
export type StatefulBug =
  | 'patch-not-stored'
  | 'publish-noop'
  | 'runs-vanish'
  | 'runs-oldest-first'
  | 'runs-miscounted'
  | 'webhook-ignores-token'
  | 'session-never-reused';

const APP = /^\/v1\/apps\/(app_[0-9a-f]{32})$/;
const PUBLISH = /^\/v1\/apps\/(app_[0-9a-f]{32})\/publish$/;
const RUNS = /^\/v1\/apps\/app_[0-9a-f]{32}\/runs$/;
const CHANNEL = /^\/v1\/apps\/app_[0-9a-f]{32}\/channels\/(appchan_[0-9a-f]{32})$/;
const WEBHOOK = /^\/v1\/apps\/app_[0-9a-f]{32}\/webhooks\/(appchan_[0-9a-f]{32})$/;

/** A PATCH answered as if stored: the target checks the app and bumps updated_at, but keeps the old fields. */
const patchNotStored = (): Bug => ({
  async before(seen, forward) {
    const patch = seen.method === 'PATCH' && APP.test(seen.path) ? jsonObject(seen.body) : undefined;
    if (!patch || (patch['status'] !== undefined && patch['status'] !== null) || patch['name'] === '') return undefined;
    const answer = await forward('PATCH', seen.url, seen.headers, Buffer.from('{}'));
    const app = jsonObject(answer.body);
    if (answer.status !== 200 || !app) return answer;
    for (const [key, value] of Object.entries(patch)) if (value !== null) app[key] = value;
    return json(200, app);
  },
});

/** Publishing a publishable draft answers the draft unchanged. */
const publishNoop = (): Bug => ({
  async before(seen, forward) {
    if (seen.method !== 'POST' || !PUBLISH.test(seen.path)) return undefined;
    const current = await forward('GET', seen.path.replace(/\/publish$/, ''), seen.headers);
    const app = jsonObject(current.body);
    const channels = app && Array.isArray(app['channels']) ? app['channels'] : [];
    return current.status === 200 && app?.['status'] === 'draft' && channels.length > 0 ? json(200, app) : undefined;
  },
});

/** Run listings come back empty. */
const runsVanish = (): Bug => ({
  after(seen, answer) {
    if (seen.method !== 'GET' || !RUNS.test(seen.path) || answer.status !== 200) return answer;
    const list = jsonObject(answer.body) ?? {};
    return json(200, { ...list, data: [], ...(list['buckets'] ? { buckets: [] } : {}) });
  },
});

/** Run listings come back oldest first (the contract says newest first). */
const runsOldestFirst = (): Bug => ({
  after(seen, answer) {
    if (seen.method !== 'GET' || !RUNS.test(seen.path) || answer.status !== 200) return answer;
    const list = jsonObject(answer.body) ?? {};
    return json(200, { ...list, data: Array.isArray(list['data']) ? [...list['data']].reverse() : list['data'] });
  },
});

/** Run listings lose the oldest run once there are two or more (an off-by-one in the page). */
const runsMiscounted = (): Bug => ({
  after(seen, answer) {
    if (seen.method !== 'GET' || !RUNS.test(seen.path) || answer.status !== 200) return answer;
    const list = jsonObject(answer.body) ?? {};
    const data = Array.isArray(list['data']) ? list['data'] : [];
    return data.length < 2 ? answer : json(200, { ...list, data: data.slice(0, -1) });
  },
});

/** The front remembers every channel's token as it passes by, and sends it itself on every webhook call. */
const webhookIgnoresToken = (): Bug => {
  const tokens = new Map<string, string>();
  return {
    async before(seen, forward) {
      const token = seen.method === 'POST' ? tokens.get(WEBHOOK.exec(seen.path)?.[1] ?? '') : undefined;
      if (token === undefined) return undefined;
      const headers: Record<string, string> = { ...seen.headers, 'x-everruns-webhook-token': token };
      delete headers['authorization'];
      return forward(seen.method, seen.url, headers, seen.body);
    },
    after(seen, answer) {
      const config = jsonObject(seen.body)?.['channel_config'] as Record<string, unknown> | undefined;
      const token = typeof config?.['token'] === 'string' ? config['token'] : undefined;
      const body = jsonObject(answer.body);
      if (!token || answer.status >= 300 || !body) return answer;
      if (seen.method === 'POST' && seen.path === '/v1/apps') {
        const first = Array.isArray(body['channels']) ? (body['channels'][0] as Record<string, unknown> | undefined) : undefined;
        if (typeof first?.['id'] === 'string') tokens.set(first['id'], token);
      } else if (seen.method === 'POST' && seen.path.endsWith('/channels') && typeof body['id'] === 'string') {
        tokens.set(body['id'], token);
      } else if (seen.method === 'PATCH' && CHANNEL.test(seen.path)) {
        tokens.set(CHANNEL.exec(seen.path)![1]!, token);
      }
      return answer;
    },
  };
};

/** Every accepted webhook call claims a brand-new session. */
const sessionNeverReused = (): Bug => ({
  after(seen, answer) {
    if (seen.method !== 'POST' || !WEBHOOK.test(seen.path) || answer.status !== 202) return answer;
    return json(202, { ...jsonObject(answer.body), created_session: true, session_id: `session_${randomBytes(16).toString('hex')}` });
  },
});

/** A fresh bug per target, so remembered tokens do not leak between tests. */
export const STATEFUL_BUGS: Readonly<Record<StatefulBug, () => Bug>> = {
  'patch-not-stored': patchNotStored,
  'publish-noop': publishNoop,
  'runs-vanish': runsVanish,
  'runs-oldest-first': runsOldestFirst,
  'runs-miscounted': runsMiscounted,
  'webhook-ignores-token': webhookIgnoresToken,
  'session-never-reused': sessionNeverReused,
};
