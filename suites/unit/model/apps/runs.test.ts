import { describe, expect, it } from 'vitest';
import { parseWindow } from '../../../../src/model/apps/run-window.js';
import { START, harness, unknownId } from './fake-env.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

describe('parseWindow', () => {
  it.each([
    [undefined, 24 * HOUR],
    ['1m', MINUTE],
    ['60m', HOUR],
    ['7d', 7 * 24 * HOUR],
    ['30d', 30 * 24 * HOUR],
    ['720h', 30 * 24 * HOUR],
    ['43200m', 30 * 24 * HOUR],
  ])('accepts %s', (window, ms) => {
    expect(parseWindow(window)).toEqual({ ok: true, ms });
  });

  it.each([['0h'], ['31d'], ['721h'], ['43201m'], ['24'], ['h'], ['1w'], ['-1h'], ['1.5h'], ['01h'], [''], [' 1h'], ['9'.repeat(400) + 'd']])(
    'rejects %j with a detail',
    (window) => {
      const result = parseWindow(window);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.detail).toMatch(/window must be/);
    },
  );
});

describe('list_app_runs', () => {
  it('lists runs in the window newest first; runs complete after the duration with the drawn outcome', () => {
    const h = harness({ runDurationMs: 10 * MINUTE, runFailureRate: 0.25 });
    const { appId, channelId, token } = h.publishedWebhook();
    h.env.randoms.push(0.1, 0.9, 0.24, 0.25);
    const runIds: string[] = [];
    for (let i = 0; i < 4; i++) {
      runIds.push((h.invoke(appId, channelId, token).changes.at(-1)!.record as any).id);
      h.env.advance(5 * MINUTE);
    }
    // Now START + 20m: runs started at 0, 5, 10, 15 minutes; the one from 10m completes exactly now.
    const list = h.call('list_app_runs', { pathParams: { app_id: appId } }).response;
    expect(list.status).toBe(200);
    const data = (list.body as any).data;
    expect(data.map((r: any) => r.id)).toEqual([...runIds].reverse());
    expect(data.map((r: any) => r.status)).toEqual(['running', 'err', 'ok', 'err']);
    expect(data[3]).toEqual({
      id: runIds[0],
      app_id: appId,
      channel_id: channelId,
      channel_type: 'webhook',
      channel_name: null,
      status: 'err',
      created_at: START,
      completed_at: new Date(Date.parse(START) + 10 * MINUTE).toISOString(),
    });
    expect(data[0].completed_at).toBeNull();
    expect(list.body).not.toHaveProperty('buckets');
    expect(JSON.stringify(list.body)).not.toContain('message');
    h.env.advance(HOUR);
    const later = (h.call('list_app_runs', { pathParams: { app_id: appId } }).response.body as any).data;
    expect(later.map((r: any) => r.status)).toEqual(['ok', 'err', 'ok', 'err']);
  });

  it('keeps only runs started inside the window and at most 100', () => {
    const h = harness();
    const { appId, channelId, token } = h.publishedWebhook();
    for (let i = 0; i < 130; i++) {
      h.invoke(appId, channelId, token);
      h.env.advance(MINUTE);
    }
    const list = (window?: string) =>
      (h.call('list_app_runs', { pathParams: { app_id: appId }, query: window ? { window } : {} }).response.body as any).data;
    expect(list()).toHaveLength(100);
    // Now START + 130m; a 30m window holds the runs started at 100..129 minutes.
    expect(list('30m')).toHaveLength(30);
    expect(list('30m')[29].created_at).toBe(new Date(Date.parse(START) + 100 * MINUTE).toISOString());
    h.env.advance(2 * 24 * HOUR);
    expect(list()).toHaveLength(0);
    expect(list('3d')).toHaveLength(100);
  });

  it('groups by UTC hour, oldest first, with counts adding up to data', () => {
    const h = harness({ runDurationMs: 30 * MINUTE, runFailureRate: 0.5 });
    h.env.setNow('2025-01-01T09:50:00.000Z');
    const { appId, channelId, token } = h.publishedWebhook();
    h.env.randoms.push(0.1, 0.9, 0.9, 0.2, 0.7);
    for (const offset of [0, 5, 15, 20, 85]) {
      h.env.setNow(new Date(Date.parse('2025-01-01T09:50:00.000Z') + offset * MINUTE).toISOString());
      h.invoke(appId, channelId, token);
    }
    // Now 11:15: 09:50(err), 09:55(ok), 10:05(ok), 10:10(err) have completed; 11:15 is running.
    const body = h.call('list_app_runs', { pathParams: { app_id: appId }, query: { groupBy: 'hour' } }).response.body as any;
    expect(body.buckets).toEqual([
      { hour: '2025-01-01T09:00:00.000Z', ok: 1, err: 1, running: 0 },
      { hour: '2025-01-01T10:00:00.000Z', ok: 1, err: 1, running: 0 },
      { hour: '2025-01-01T11:00:00.000Z', ok: 0, err: 0, running: 1 },
    ]);
    const total = body.buckets.reduce((sum: number, b: any) => sum + b.ok + b.err + b.running, 0);
    expect(total).toBe(body.data.length);
  });

  it.each([
    [{ window: '31d' }, '/query/window'],
    [{ window: 'soon' }, '/query/window'],
    [{ groupBy: 'day' }, '/query/groupBy'],
    [{ groupBy: '' }, '/query/groupBy'],
  ])('rejects %j with 400', (query, pointer) => {
    const h = harness();
    const app = h.createApp();
    const response = h.call('list_app_runs', { pathParams: { app_id: app.id }, query }).response as any;
    expect(response.status).toBe(400);
    expect(response.body.errors[0].pointer).toBe(pointer);
  });

  it('404s unknown apps, and archived apps keep their runs', () => {
    const h = harness();
    expect(h.call('list_app_runs', { pathParams: { app_id: unknownId('app') } }).response.status).toBe(404);
    const { appId, channelId, token } = h.publishedWebhook();
    h.invoke(appId, channelId, token);
    h.call('delete_app', { pathParams: { app_id: appId } });
    const response = h.call('list_app_runs', { pathParams: { app_id: appId } }).response as any;
    expect(response.status).toBe(200);
    expect(response.body.data).toHaveLength(1);
  });

  it('names the run after the channel config name when it has one', () => {
    const h = harness();
    const { appId, channelId, token } = h.publishedWebhook({ name: 'Ops hook' });
    h.invoke(appId, channelId, token);
    const data = (h.call('list_app_runs', { pathParams: { app_id: appId } }).response.body as any).data;
    expect(data[0].channel_name).toBe('Ops hook');
  });
});

// The listing is kept between requests while nothing changes; each test lists twice (the second
// from what was kept: the same frozen body, whose bytes the mock keeps) before a change, and the
// listing after it must show the change.
describe('list_app_runs between changes', () => {
  const listed = (h: ReturnType<typeof harness>, appId: string, query: Record<string, string> = {}) => {
    const first = h.call('list_app_runs', { pathParams: { app_id: appId }, query }).response.body as any;
    const second = h.call('list_app_runs', { pathParams: { app_id: appId }, query }).response.body as any;
    expect(second).toBe(first);
    expect(Object.isFrozen(first) && Object.isFrozen(first.data)).toBe(true);
    return first;
  };

  it('shows a new run in the next listing', () => {
    const h = harness();
    const { appId, channelId, token } = h.publishedWebhook();
    h.invoke(appId, channelId, token);
    expect(listed(h, appId).data).toHaveLength(1);
    h.invoke(appId, channelId, token);
    expect(listed(h, appId).data).toHaveLength(2);
    expect(listed(h, appId, { groupBy: 'hour' }).buckets).toEqual([{ hour: '2025-01-01T10:00:00.000Z', ok: 0, err: 0, running: 2 }]);
  });

  it('completes a running run at the instant its duration ends, not a millisecond later', () => {
    const h = harness({ runDurationMs: 10 * MINUTE });
    const { appId, channelId, token } = h.publishedWebhook();
    h.invoke(appId, channelId, token);
    expect(listed(h, appId).data[0].status).toBe('running');
    h.env.advance(10 * MINUTE - 1);
    expect(listed(h, appId, { groupBy: 'hour' }).buckets[0]).toMatchObject({ ok: 0, running: 1 });
    h.env.advance(1);
    const done = listed(h, appId, { groupBy: 'hour' });
    expect(done.data[0]).toMatchObject({ status: 'ok', completed_at: new Date(Date.parse(START) + 10 * MINUTE).toISOString() });
    expect(done.buckets[0]).toMatchObject({ ok: 1, running: 0 });
  });

  it('drops a run from the window the millisecond after the window has passed its start', () => {
    const h = harness();
    const { appId, channelId, token } = h.publishedWebhook();
    h.invoke(appId, channelId, token);
    h.env.advance(HOUR);
    expect(listed(h, appId, { window: '60m' }).data).toHaveLength(1);
    h.env.advance(1);
    expect(listed(h, appId, { window: '60m' }).data).toHaveLength(0);
    expect(listed(h, appId, { window: '2h' }).data).toHaveLength(1);
  });

  it('leaves out a run dated after the clock, until the clock reaches it', () => {
    const h = harness();
    const { appId, channelId, token } = h.publishedWebhook();
    h.env.advance(5 * MINUTE);
    h.invoke(appId, channelId, token);
    expect(listed(h, appId).data).toHaveLength(1);
    h.env.advance(-MINUTE);
    expect(listed(h, appId).data).toHaveLength(0);
    h.env.advance(MINUTE - 1);
    expect(listed(h, appId).data).toHaveLength(0);
    h.env.advance(1);
    expect(listed(h, appId).data).toHaveLength(1);
  });

  it('answers every app and query with its own runs', () => {
    const h = harness();
    const one = h.publishedWebhook();
    const two = h.publishedWebhook();
    h.invoke(one.appId, one.channelId, one.token);
    expect(listed(h, one.appId).data).toHaveLength(1);
    expect(listed(h, two.appId).data).toHaveLength(0);
    expect(listed(h, one.appId)).not.toHaveProperty('buckets');
    expect(listed(h, one.appId, { groupBy: 'hour' }).buckets).toHaveLength(1);
  });

  it('keeps listing an app after it is archived', () => {
    const h = harness();
    const { appId, channelId, token } = h.publishedWebhook();
    h.invoke(appId, channelId, token);
    expect(listed(h, appId).data).toHaveLength(1);
    h.call('delete_app', { pathParams: { app_id: appId } });
    expect(listed(h, appId).data).toHaveLength(1);
    h.invoke(appId, channelId, token);
    expect(listed(h, appId).data).toHaveLength(1);
  });
});
