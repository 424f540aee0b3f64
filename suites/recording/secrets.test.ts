import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPlayer, loadHar } from '../../src/recording/index.js';
import { send, startProxy } from './helpers/record.js';
import { sendJson, serveTarget } from './helpers/target-server.js';
import { tempDir } from '../helpers/temp-dir.js';

const SECRETS = {
  bearer: 'mgmt-key-7f3a9c1e5b',
  webhook: 'whk-tok-42d8e0aa19',
  bodyToken: 'body-secret-c0ffee77',
  password: 'hunter2-longer-pw',
  query: 'query-apikey-5150ab',
  cookie: 'sess-cookie-99aa88bb',
  setCookie: 'server-session-xyz123',
  userinfo: 'userinfo-pass-31337',
};

describe('secrets never reach the disk', () => {
  it('redacts headers, JSON fields, query parameters and userinfo, and scrubs echoes', async () => {
    const target = await serveTarget((req, res) => {
      // A careless server echoing everything back, including the credentials it was sent.
      sendJson(
        res,
        201,
        { received: req.body.toString(), auth: req.headers.authorization, url: req.url, token_configured: true },
        { 'set-cookie': [`session=${SECRETS.setCookie}; Path=/; HttpOnly`], 'x-request-token': SECRETS.webhook },
      );
    });
    const harPath = join(tempDir(), 'secrets.har');
    const proxy = await startProxy({ target: target.url.replace('http://', `http://ops:${SECRETS.userinfo}@`), harPath });

    const body = JSON.stringify({
      name: 'demo',
      channel_config: { token: SECRETS.bodyToken, message: 'hi', nested: [{ password: SECRETS.password }] },
      note: `copied ${SECRETS.bearer} into a note`,
    });
    const live = await send(proxy.url, {
      method: 'POST',
      path: `/v1/apps?api_key=${SECRETS.query}&search=demo`,
      headers: {
        authorization: `Bearer ${SECRETS.bearer}`,
        'x-everruns-webhook-token': SECRETS.webhook,
        cookie: `session=${SECRETS.cookie}; theme=dark`,
        'content-type': 'application/json',
      },
      body,
    });

    // The client gets the target's answer untouched, secrets and all.
    expect(live.status).toBe(201);
    expect(live.body.toString()).toContain(SECRETS.bodyToken);
    expect([live.headers['set-cookie']].flat()).toEqual([`session=${SECRETS.setCookie}; Path=/; HttpOnly`]);
    // The target saw the client's own Authorization, not the userinfo credentials.
    expect(target.seen[0]!.headers.authorization).toBe(`Bearer ${SECRETS.bearer}`);

    const onDisk = readFileSync(harPath, 'utf8');
    for (const [name, secret] of Object.entries(SECRETS)) {
      expect(onDisk.includes(secret), `${name} leaked`).toBe(false);
      expect(onDisk.includes(Buffer.from(secret).toString('base64')), `${name} leaked as base64`).toBe(false);
    }
    expect(onDisk).toContain('[REDACTED]');
    expect(onDisk).toContain('token_configured');

    // Playback with different secrets still finds the recording.
    const player = createPlayer(loadHar(harPath));
    const other = body.replace(SECRETS.bodyToken, 'another-token-entirely').replace(SECRETS.password, 'different-password').replace(SECRETS.bearer, 'other-bearer-key');
    const played = player.match({
      method: 'POST',
      path: '/v1/apps',
      query: 'search=demo&api_key=some-other-key',
      headers: { authorization: 'Bearer other-bearer-key', 'content-type': 'application/json' },
      body: Buffer.from(other),
    });
    expect(played?.status).toBe(201);
  });

  it('sends userinfo from the target as Basic credentials when the client sends none', async () => {
    const target = await serveTarget((_req, res) => sendJson(res, 200, { ok: true }));
    const harPath = join(tempDir(), 'basic.har');
    const proxy = await startProxy({ target: target.url.replace('http://', `http://ops:${SECRETS.userinfo}@`), harPath });
    await send(proxy.url, { method: 'GET', path: '/v1/apps' });
    expect(target.seen[0]!.headers.authorization).toBe(`Basic ${Buffer.from(`ops:${SECRETS.userinfo}`).toString('base64')}`);
    const onDisk = readFileSync(harPath, 'utf8');
    expect(onDisk).not.toContain(SECRETS.userinfo);
    expect(onDisk).not.toContain(Buffer.from(`ops:${SECRETS.userinfo}`).toString('base64'));
  });
});
