import { describe, expect, it } from 'vitest';
import { openEvents } from './sse-client.js';
import { serveDashboard } from './serve-dashboard.js';

/** With --api-key, /__mock/* (the dashboard included) takes the key as a bearer token, the dashboard's cookie or ?key= once. */

const KEY = 'dev-key-0123456789';

describe('the dashboard behind --api-key', () => {
  it('refuses the page, its stream and every administration endpoint without the key', async () => {
    const server = await serveDashboard({ apiKey: KEY });
    for (const [method, path] of [
      ['GET', '/__mock/'],
      ['GET', '/__mock/app.js'],
      ['GET', '/__mock/events'],
      ['GET', '/__mock/stats'],
      ['GET', '/__mock/state'],
      ['PUT', '/__mock/state'],
      ['POST', '/__mock/reset'],
    ] as const) {
      for (const headers of [{}, { authorization: 'Bearer wrong' }, { cookie: 'mock_admin_key=wrong' }, { authorization: KEY }] as Array<
        Record<string, string>
      >) {
        const answer = await fetch(`${server.url}${path}`, { method, headers });
        expect(answer.status, `${method} ${path} ${JSON.stringify(headers)}`).toBe(401);
        expect(answer.headers.get('content-type')).toBe('application/problem+json');
        expect(answer.headers.get('www-authenticate')).toMatch(/^Bearer/);
        expect(await answer.json()).toMatchObject({ status: 401, instance: path });
      }
    }
    expect((await fetch(`${server.url}/__mock/?key=wrong`, { redirect: 'manual' })).status).toBe(401);
  });

  it('lets a bearer token in', async () => {
    const server = await serveDashboard({ apiKey: KEY });
    const answer = await fetch(`${server.url}/__mock/stats`, { headers: { authorization: `Bearer ${KEY}` } });
    expect(answer.status).toBe(200);
    const events = await openEvents(server.url, { authorization: `bearer ${KEY}` });
    expect(events.response.statusCode).toBe(200);
  });

  it('turns ?key= into an HttpOnly cookie and a redirect that drops the key from the address', async () => {
    const server = await serveDashboard({ apiKey: KEY });
    const answer = await fetch(`${server.url}/__mock/?key=${encodeURIComponent(KEY)}`, { redirect: 'manual' });
    expect(answer.status).toBe(303);
    expect(answer.headers.get('location')).toBe('/__mock/');
    const cookie = answer.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^mock_admin_key=dev-key-0123456789; Path=\/__mock\/; HttpOnly; SameSite=Strict$/);
    const withCookie = { cookie: cookie.split(';')[0]! };
    expect((await fetch(`${server.url}/__mock/`, { headers: withCookie })).status).toBe(200);
    expect((await fetch(`${server.url}/__mock/state`, { headers: withCookie })).status).toBe(200);
    const events = await openEvents(server.url, withCookie);
    expect(events.response.statusCode).toBe(200);
  });

  it('keeps the key out of the request log', async () => {
    const server = await serveDashboard({ apiKey: KEY });
    const events = await openEvents(server.url, { authorization: `Bearer ${KEY}` });
    await fetch(`${server.url}/v1/apps?api_key=${KEY}`, { headers: { authorization: `Bearer ${KEY}` } });
    const [event] = await events.waitFor(1);
    const detail = await (
      await fetch(`${server.url}/__mock/exchanges/${event!.id}`, { headers: { authorization: `Bearer ${KEY}` } })
    ).text();
    expect(JSON.stringify(event)).not.toContain(KEY);
    expect(detail).not.toContain(KEY);
    expect(JSON.parse(detail).request.headers.authorization).toBe('[REDACTED]');
  });
});
