import { describe, expect, it } from 'vitest';
import { createProgress, type ConformancePlugin, type RunEvent, type RunPhase } from '../../src/conformance/index.js';
import { loadAppsSpec, serveApps } from '../helpers/serve.js';
import { expectOneLineFailure, runMain } from '../helpers/run-main.js';
import { APPS_STATELESS, collect } from './collect.js';

/** A stand-in for the stateful sequences: sends `requests` GETs, one every few ms. */
function slowPhase(requests: number): ConformancePlugin {
  const phase: RunPhase = {
    checks: ['read_your_writes'],
    async run(context) {
      for (let i = 0; i < requests; i++) {
        await context.send({ method: 'GET', url: `${context.target}/v1/apps`, path: '/v1/apps', query: '', headers: {} });
        await new Promise((resolve) => setTimeout(resolve, 15));
      }
      return { requests, findings: [] };
    },
  };
  return { ...APPS_STATELESS, phases: [phase] };
}

const started = (events: RunEvent[]) => events.find((event) => event.type === 'run-started') as Extract<RunEvent, { type: 'run-started' }>;

describe('choosing which operations a run covers', () => {
  it.each([
    [{ includeTags: ['Webhooks'] }, ['invoke_webhook']],
    [{ includeOperationIds: ['get_app', 'list_apps'] }, ['list_apps', 'get_app']],
    [{ includePaths: ['/v1/apps/{app_id}/channels*'] }, ['add_channel', 'remove_channel', 'update_channel']],
    [
      { includeTags: ['Apps'], excludeOperationIds: ['delete_app', 'create_app', 'update_app'] },
      ['list_apps', 'get_app', 'publish_app', 'unpublish_app'],
    ],
    [{ excludePaths: ['/v1/apps*'], includeTags: [] }, 'none'],
  ])('runs only what %j keeps', async (filter, expected) => {
    const mock = await serveApps();
    const options = {
      plugins: [APPS_STATELESS],
      spec: await loadAppsSpec(),
      target: mock.url,
      runs: 2,
      seed: 1,
      filter,
      checks: ['not_a_server_error'],
    };
    if (expected === 'none')
      return void (await expect(collect(options)).rejects.toThrow('the operation filters leave no operation to run'));
    expect(started((await collect(options)).events).operations).toEqual(expected);
  });

  it('refuses an operationId the document does not have', async () => {
    const mock = await serveApps();
    await expect(collect({ spec: await loadAppsSpec(), target: mock.url, filter: { excludeOperationIds: ['getAp'] } })).rejects.toThrow(
      "no operation 'getAp' in the document",
    );
  });

  it('skips the stateful sequences, saying so, when a filter leaves operations out; runs them without one', async () => {
    const mock = await serveApps();
    const base = { plugins: [slowPhase(1)], spec: await loadAppsSpec(), target: mock.url, runs: 1, seed: 1 };
    const filtered = await collect({ ...base, filter: { includeTags: ['Apps'] } });
    expect(filtered.events).toContainEqual({ type: 'run-warned', message: expect.stringMatching(/skipping the stateful sequences/) });
    expect(filtered.summary.checks.map((totals) => totals.check)).not.toContain('read_your_writes');
    const whole = await collect({ ...base, filter: {} });
    expect(whole.summary.checks.map((totals) => totals.check)).toContain('read_your_writes');
  });

  it('takes the filters as conform flags, repeated or comma-separated', async () => {
    const mock = await serveApps();
    const result = await runMain([
      'conform',
      '-t',
      mock.url,
      '-n',
      '1',
      '--seed',
      '1',
      '--include-tag',
      'Channels',
      '--exclude-operation-id',
      'remove_channel,update_channel',
    ]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/: 1 operations, /);
    expect(result.stdout).toMatch(/add_channel \(positive\)/);
    expect(result.stdout).toMatch(/warning: the operation filters leave operations out: skipping the stateful sequences/);
  });
});

describe('max_response_time', () => {
  it('runs only when a limit is given, and holds for the mock with a generous one', async () => {
    const mock = await serveApps();
    const base = {
      plugins: [APPS_STATELESS],
      spec: await loadAppsSpec(),
      target: mock.url,
      runs: 2,
      seed: 1,
      filter: { includeOperationIds: ['list_apps'] },
    };
    expect((await collect(base)).summary.checks.map((totals) => totals.check)).not.toContain('max_response_time');
    const limited = await collect({ ...base, maxResponseTimeMs: 5_000 });
    expect(limited.summary.checks.find((totals) => totals.check === 'max_response_time')).toMatchObject({
      failed: 0,
      passed: expect.any(Number),
    });
    expect(limited.summary.findings).toEqual([]);
  });

  it('refuses --checks max_response_time without --max-response-time', async () => {
    expectOneLineFailure(
      await runMain(['conform', '-t', 'http://127.0.0.1:9', '--checks', 'max_response_time']),
      /--checks max_response_time needs --max-response-time MS/,
    );
  });
});

describe('progress during the stateful phase', () => {
  it("tells the phase's requests as they go, and the terminal line redraws with them", async () => {
    const mock = await serveApps();
    const { events } = await collect({
      plugins: [slowPhase(30)],
      spec: await loadAppsSpec(),
      target: mock.url,
      runs: 1,
      seed: 1,
      checks: ['read_your_writes'],
    });
    const progressed = events.filter((event) => event.type === 'phase-progressed') as Array<
      Extract<RunEvent, { type: 'phase-progressed' }>
    >;
    expect(progressed.length).toBeGreaterThanOrEqual(2);
    expect(progressed.map((event) => event.requests)).toEqual([...progressed.map((event) => event.requests)].sort((a, b) => a - b));
    expect(progressed.at(-1)!.checks).toEqual(['read_your_writes']);
    let tty = '';
    const render = createProgress({ write: (text) => void (tty += text), tty: true }, []);
    for (const event of events) render(event);
    expect(tty).toMatch(/\r\x1b\[2Kstateful sequences \(1 checks\): \d+ requests, \d+\.\d s; 0 findings so far/);
    let plain = '';
    const renderPlain = createProgress({ write: (text) => void (plain += text), tty: false }, []);
    for (const event of events) renderPlain(event);
    // Without a terminal the phase prints at most one line per ten seconds.
    expect(plain).not.toMatch(/stateful sequences/);
  });
});
