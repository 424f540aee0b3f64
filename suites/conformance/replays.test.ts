/**
 * Every finding carries a replay, whatever request showed it: a generated case, an API-key probe,
 * a plug-in's set-up. Running its `--seed S --replay PATH` again finds the same cause, with fewer requests.
 */
import { describe, expect, it } from 'vitest';
import type { ConformanceOptions } from '../../src/conformance/index.js';
import { loadAppsSpec } from '../helpers/serve.js';
import { APPS_STATELESS, collect } from './collect.js';
import { CATALOGUE } from './targets/catalogue.js';
import { serveWithBug, type Bug } from './targets/front.js';

const SEED = 12;
const API_KEY = 'replay-key-0123456789';

/** The API key is checked on every operation but list_apps, which the front always lets through. */
const listAppsIgnoresKey = (): Bug => ({
  before: (seen, forward) =>
    seen.method === 'GET' && seen.path === '/v1/apps'
      ? forward(seen.method, seen.url, { ...seen.headers, authorization: `Bearer ${API_KEY}` })
      : undefined,
});

async function replayedFrom(options: ConformanceOptions): Promise<void> {
  const { summary } = await collect(options);
  const finding = summary.findings.find((f) => f.check === 'ignored_auth');
  expect(finding?.replay, JSON.stringify(summary.findings.map((f) => [f.check, f.operation, f.key]))).toBeDefined();
  const again = await collect({ ...options, seed: finding!.replay!.seed, replay: finding!.replay!.path });
  const causes = (findings: typeof summary.findings) => findings.map((f) => `${f.check} ${f.operation} ${f.key}`);
  // The replay sends that one request (and its siblings of the same probe or set-up) again: the
  // same cause, and nothing the run did not find.
  expect(causes(again.summary.findings)).toContain(`${finding!.check} ${finding!.operation} ${finding!.key}`);
  expect(causes(summary.findings)).toEqual(expect.arrayContaining(causes(again.summary.findings)));
  expect(again.summary.requests).toBeLessThan(summary.requests);
}

describe(`replays of findings no generated case shows (seed ${SEED})`, () => {
  it("an API-key probe's finding replays that operation's probes", async () => {
    const front = await serveWithBug(listAppsIgnoresKey(), { apiKey: API_KEY });
    const options = { plugins: [APPS_STATELESS], spec: await loadAppsSpec(), target: front.url, seed: SEED, runs: 3, apiKey: API_KEY };
    const { summary } = await collect(options);
    expect(summary.findings.find((f) => f.check === 'ignored_auth')?.replay?.path).toBe('list_apps:auth:0:0');
    await replayedFrom(options);
  });

  it("a set-up request's finding replays the plug-in's set-up", async () => {
    const planted = CATALOGUE.find((entry) => entry.check === 'ignored_auth')!;
    const front = await serveWithBug(planted.bug());
    const options = { plugins: [APPS_STATELESS], spec: await loadAppsSpec(), target: front.url, seed: SEED, runs: 3 };
    const { summary } = await collect(options);
    expect(summary.findings.find((f) => f.check === 'ignored_auth')?.replay?.path).toBe(`setup:${APPS_STATELESS.name}`);
    await replayedFrom(options);
  });
});
