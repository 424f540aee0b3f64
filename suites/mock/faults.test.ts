import { request } from 'undici';
import { describe, expect, it, onTestFinished } from 'vitest';
import { startMock, type MockHandle, type StartMockOptions } from '../../src/api/index.js';
import { HARNESS } from '../helpers/apps-ids.js';
import { expectOneLineFailure, runMain } from '../helpers/run-main.js';

async function mockFor(options: StartMockOptions = {}): Promise<MockHandle> {
  const mock = await startMock({ runDurationMs: 0, dashboard: false, ...options });
  onTestFinished(() => mock.close());
  return mock;
}

const create = (mock: MockHandle, headers: Record<string, string> = {}) =>
  fetch(`${mock.url}/v1/apps`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ name: 'Faulty', harness_id: HARNESS }),
  });

/** Milliseconds `run` took. */
async function timed(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

describe('Prefer: code= on stateful operations', () => {
  it('answers the declared 500 of create_app, and creates nothing', async () => {
    const mock = await mockFor();
    const answer = await create(mock, { prefer: 'code=500' });
    expect(answer.status).toBe(500);
    expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await answer.json()).toMatchObject({ status: 500, code: 'internal_error' });
    expect((mock.state() as { apps: unknown[] }).apps).toEqual([]);
  });

  it('answers with the query form ?__code= too, and a 404 problem with an instance for a status the operation does not declare', async () => {
    const mock = await mockFor();
    expect((await fetch(`${mock.url}/v1/apps?__code=500`)).status).toBe(500);
    const undeclared = await fetch(`${mock.url}/v1/apps`, { headers: { prefer: 'code=418' } });
    expect(undeclared.status).toBe(404);
    expect(await undeclared.json()).toMatchObject({ code: 'no_response_defined', instance: '/v1/apps' });
  });

  it('still answers invalid input first, as the stateless mock does', async () => {
    const mock = await mockFor();
    const answer = await fetch(`${mock.url}/v1/apps`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', prefer: 'code=500' },
      body: '{"name": 7}',
    });
    expect(answer.status).toBe(400);
  });
});

describe('latency', () => {
  it('waits as long as Prefer: delay= (or ?__delay=) asks, and the journal counts the wait', async () => {
    const mock = await mockFor();
    expect(await timed(() => fetch(`${mock.url}/v1/apps`, { headers: { prefer: 'delay=250' } }))).toBeGreaterThanOrEqual(240);
    expect(await timed(() => fetch(`${mock.url}/v1/apps?__delay=150`))).toBeGreaterThanOrEqual(140);
    const [first] = mock.requests();
    expect(first!.durationMs).toBeGreaterThanOrEqual(240);
  });

  it('ignores a delay it cannot honour (not a number, over 60 s)', async () => {
    const mock = await mockFor();
    expect(await timed(() => fetch(`${mock.url}/v1/apps`, { headers: { prefer: 'delay=abc' } }))).toBeLessThan(1000);
    expect(await timed(() => fetch(`${mock.url}/v1/apps`, { headers: { prefer: 'delay=600000' } }))).toBeLessThan(1000);
  });

  it('delays every API request by delayMs (--delay), a range too, but never /__mock/*', async () => {
    const mock = await mockFor({ delayMs: 200 });
    expect(await timed(() => fetch(`${mock.url}/v1/apps`))).toBeGreaterThanOrEqual(190);
    expect(await timed(() => fetch(`${mock.url}/__mock/health`))).toBeLessThan(150);
    const ranged = await mockFor({ delayMs: [100, 150] });
    const took = await timed(() => fetch(`${ranged.url}/v1/apps`));
    expect(took).toBeGreaterThanOrEqual(95);
  });
});

describe('faults', () => {
  it('resets the connection for Prefer: fault=reset, and journals it with status 0', async () => {
    const mock = await mockFor();
    await expect(request(`${mock.url}/v1/apps`, { headers: { prefer: 'fault=reset' } })).rejects.toMatchObject({
      code: expect.stringMatching(/ECONNRESET|UND_ERR_SOCKET/),
    });
    expect(mock.requests()).toMatchObject([{ path: '/v1/apps', status: 0, operation: null }]);
    expect((await fetch(`${mock.url}/v1/apps`)).status).toBe(200);
  });

  it('answers Prefer: fault=503 with a 503 fault_injected problem, and changes nothing', async () => {
    const mock = await mockFor();
    const answer = await create(mock, { prefer: 'fault=503' });
    expect(answer.status).toBe(503);
    expect(await answer.json()).toMatchObject({
      status: 503,
      code: 'fault_injected',
      type: 'https://docs.everruns.com/errors/fault_injected',
      instance: '/v1/apps',
    });
    expect((mock.state() as { apps: unknown[] }).apps).toEqual([]);
  });

  it('faults the share of requests faultRate says, drawn from faults, the same ones again with the same seed', async () => {
    const statuses = async (seed: number) => {
      const mock = await mockFor({ seed, faultRate: 0.5, faults: [502, 503] });
      const seen: number[] = [];
      for (let i = 0; i < 40; i++) seen.push((await fetch(`${mock.url}/v1/apps`)).status);
      expect((await fetch(`${mock.url}/__mock/health`)).status).toBe(200);
      return seen;
    };
    const first = await statuses(7);
    expect(new Set(first)).toEqual(new Set([200, 502, 503]));
    const faulted = first.filter((status) => status !== 200).length;
    expect(faulted).toBeGreaterThan(8);
    expect(faulted).toBeLessThan(32);
    expect(await statuses(7)).toEqual(first);
  });

  it('leaves the seeded ids as they are when faults are drawn too', async () => {
    const idWith = async (faultRate: number) => {
      const mock = await mockFor({ seed: 3, faultRate, faults: [503] });
      for (let i = 0; i < 5; i++) await fetch(`${mock.url}/__mock/health`);
      return ((await (await create(mock)).json()) as { id: string }).id;
    };
    expect(await idWith(0.000001)).toBe(await idWith(0));
  });
});

describe('fault flags', () => {
  it.each([
    [['--delay', '200-100'], /--delay must be MS or MIN-MAX/],
    [['--delay', 'soon'], /--delay must be MS or MIN-MAX/],
    [['--delay', '90000'], /--delay must be .* up to 60000/],
    [['--faults', '404'], /--faults lists 5xx statuses and "reset", got '404'/],
    [['--fault-rate', '2'], /--fault-rate must be between 0 and 1, got 2/],
  ])('refuses mock %j in one line', async (flags, mention) => {
    expectOneLineFailure(await runMain(['mock', '--port', '0', ...flags]), mention);
  });
});
