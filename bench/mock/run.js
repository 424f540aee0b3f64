// bench/mock: the mock's speed and memory beside two baselines measured in the same run, a bare
// node:http server (the ceiling) and Prism (the peer). Prints one Markdown table and writes
// results.json. Run with `npm run bench:mock` after building (`npm run build`).
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { CONFIG } from './config.js';
import { benchConstrained } from './constrained.js';
import { measure, probe } from './load.js';
import { PATHS } from './paths.js';
import { rssMb, spawnTracked, stop, stopAll, waitForLine, waitUntilIdle } from './processes.js';
import { buildRows } from './rows.js';
import { renderTable } from './report.js';
import { startBare, startMock, startPrism } from './servers.js';
import { largeDocumentStartup, medianStartup } from './startup.js';
import { createCase, inferredCase, prepareMockCases, statelessCases } from './workloads.js';

const progress = (line) => process.stderr.write(`bench: ${line}\n`);
const load = (pid) => ({ ...CONFIG, pid });

async function main() {
  if (!existsSync(PATHS.cli)) throw new Error(`${PATHS.cli} is missing: build first with npm run build`);
  const began = performance.now();
  const loadBefore = loadavg()[0];
  const runs = (part) => CONFIG.parts.includes(part);
  const results = {
    ...(runs('startup') ? { startup: await measureStartups() } : {}),
    ...(runs('large') ? { large: await measureLargeStartups() } : {}),
    ...(runs('throughput') ? await benchThroughput() : {}),
    ...(runs('scale') ? { scale: await benchScale() } : {}),
    ...(runs('constrained') ? { constrained: await benchConstrained(CONFIG, progress) } : {}),
  };
  const rows = buildRows(results, CONFIG);

  process.stdout.write(`\n${renderTable(rows)}\n\n`);
  process.stdout.write(
    `${CONFIG.connections} connections, ${CONFIG.seconds} s per case after ${CONFIG.warmupSeconds} s warm-up; ` +
      `start-up is the median of ${CONFIG.startupRuns} spawns; parts: ${CONFIG.parts.join(', ')}; node ${process.version}, ${cpus().length} CPUs (${cpus()[0]?.model ?? 'unknown'}); ` +
      `1-min load average ${loadBefore.toFixed(1)} before, ${loadavg()[0].toFixed(1)} after (other work on the machine skews every row alike).\n`,
  );
  const misses = rows.filter((entry) => entry.result === 'MISS' || entry.result === 'ERR');
  process.stdout.write(misses.length === 0 ? 'all targets met\n' : `${misses.length} row(s) missed: ${misses.map((entry) => entry.label).join('; ')}\n`);
  const report = {
    date: new Date().toISOString(),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    cpus: cpus().length,
    loadAverage: { before: loadBefore, after: loadavg()[0] },
    settings: CONFIG,
    elapsedSeconds: (performance.now() - began) / 1000,
    measurements: results,
    rows,
  };
  await writeFile(PATHS.results, JSON.stringify(report, null, 2) + '\n');
  progress(`wrote ${PATHS.results} (${report.elapsedSeconds.toFixed(0)} s)`);
}

async function measureStartups() {
  await warmFetch();
  const median = (name, start) => medianStartup(name, start, CONFIG.startupRuns, progress);
  return {
    bare: await median('bare node:http', () => startBare('{"ok":true}')),
    mockBundled: await median('mock, bundled spec', () => startMock()),
    prismBundled: await median('Prism, bundled spec', () => startPrism(PATHS.bundledSpec)),
  };
}

/** The largest public documents: GitHub's (13 MB) and Stripe's (2.5 MB), ours cold and warm beside Prism. */
async function measureLargeStartups() {
  await warmFetch();
  const settings = { runs: CONFIG.startupRuns, timeoutMs: CONFIG.largeStartupTimeoutSeconds * 1000, progress };
  return {
    github: await largeDocumentStartup('GitHub', PATHS.githubSpec, settings),
    stripe: await largeDocumentStartup('Stripe', PATHS.stripeSpec, settings),
  };
}

/** Loads fetch once, outside the timings. */
const warmFetch = () => fetch('http://127.0.0.1:9/').catch(() => undefined);

/**
 * The cases run in pairs: each mock case right next to the baseline it is divided by, so drifting
 * load on a shared machine skews both sides of a ratio alike. Each server starts right before its
 * first case and is settled first. Two more, a mock and a plain bare server (without the
 * process.nextTick entry the mock and the ceiling keep alive), started first and loaded last,
 * measure what an idle spell does to each: V8's memory reducer, run on an idle Node process, slows
 * a plain one for good (bench/README.md).
 */
const IDLE_ROUNDS = 3;

async function benchThroughput() {
  const dir = await mkdtemp(join(tmpdir(), 'everruns-bench-'));
  const servers = [];
  // Settled before it is loaded: a mock compiles its validators in the background, and the
  // platform's document takes seconds.
  const settled = async (starting) => {
    const server = await starting;
    servers.push(server);
    await waitUntilIdle(server.pid);
    return server;
  };
  const lazily = (start) => {
    let server;
    return () => (server ??= settled(start()));
  };
  try {
    const idleMock = await settled(startMock());
    const mock = await settled(startMock());
    const cases = Object.fromEntries((await prepareMockCases(mock.url, CONFIG.seededRuns)).map((entry) => [entry.key, entry]));
    const getAppBody = await probe(cases.getApp.request, 200);
    const idleBare = await settled(startBare(getAppBody, { plain: true }));
    const idleSince = performance.now();
    const idleRssMb = rssMb(mock.pid);
    const bare = lazily(() => startBare(getAppBody));
    const persisted = lazily(() => startMock({ state: join(dir, 'state.db') }));
    const platform = existsSync(PATHS.platformSpec) ? lazily(() => startMock({ spec: PATHS.platformSpec, probe: { path: '/v1/agents' } })) : undefined;
    const prism = lazily(() => startPrism(PATHS.bundledSpec));
    // Both as a user first starts them (`mock`, `prism mock SPEC`): the request log on.
    const mockDefaults = lazily(() => startMock({ defaults: true }));
    const prismDefaults = lazily(() => startPrism(PATHS.bundledSpec, { defaults: true }));
    // A case is made once per server (a stateful one first creates what it reads), then repeated.
    const made = (caseFor) => {
      const byServer = new Map();
      return async (server) => {
        if (!byServer.has(server)) byServer.set(server, await caseFor(server));
        return byServer.get(server);
      };
    };
    const bareGet = made((server) => ({ key: 'getApp', name: 'GET (fixed body)', request: { url: `${server.url}/`, method: 'GET', headers: {} }, status: 200 }));
    const prismCase = (key) => made((server) => statelessCases(server.url).find((entry) => entry.key === key));
    const prismGetApp = prismCase('getApp');
    const ownGetApp = made(async (server) => (await prepareMockCases(server.url, 0)).find((entry) => entry.key === 'getApp'));
    const own = (key) => () => cases[key];
    const reads = [
      ['mock', () => mock, own('getApp')],
      ['bare', bare, bareGet],
      ['mock', () => mock, own('getAppFresh')],
      ...(platform ? [['platform', platform, made((server) => inferredCase(server.url))]] : []),
      ['mockDefaults', mockDefaults, ownGetApp],
      ['prismDefaults', prismDefaults, prismGetApp],
    ];
    const plan = [
      // The reads and the ceiling in turn, round after round: a drift of the machine's load during
      // one round then skews one sample of each, and the median round leaves it out.
      ...Array.from({ length: CONFIG.readRounds }, () => reads).flat(),
      ['mock', () => mock, own('getAppTraced')],
      ['prism', prism, prismGetApp],
      ['mock', () => mock, own('createApp')],
      ['persisted', persisted, made((server) => createCase(server.url))],
      ['prism', prism, prismCase('createApp')],
      ['mock', () => mock, own('updateApp')],
      ['mock', () => mock, own('invokeWebhook')],
      ['mock', () => mock, own('listRuns')],
      // Three rounds each, in turn: one 5 s sample of CPU per answer moves by ±12 % on a busy machine.
      ...Array.from({ length: IDLE_ROUNDS }, () => [
        ['idleBare', () => idleBare, bareGet],
        ['idleMock', () => idleMock, ownGetApp],
      ]).flat(),
    ];
    const targets = ['mock', 'bare', 'prism', 'persisted', 'platform', 'mockDefaults', 'prismDefaults', 'idleMock', 'idleBare'];
    const results = Object.fromEntries(targets.map((target) => [target, { cases: {} }]));
    Object.assign(results.mock, { idleRssMb, getAppBytes: Buffer.byteLength(getAppBody) });
    const rounds = new Map();
    for (const [target, serverOf, caseFor] of plan) {
      const server = await serverOf();
      const entry = await caseFor(server);
      if (target.startsWith('idle')) results[target].idleSeconds ??= (performance.now() - idleSince) / 1000;
      progress(`${target}: ${entry.name}`);
      const body = await probe(entry.request, entry.status);
      const result = { name: entry.name, bodyBytes: Buffer.byteLength(body), ...(await measure(entry.request, load(server.pid))) };
      const key = `${target} ${entry.key}`;
      rounds.set(key, [...(rounds.get(key) ?? []), result]);
      results[target].cases[entry.key] = medianRound(rounds.get(key));
    }
    return results;
  } finally {
    await Promise.all(servers.map((server) => stop(server.child)));
    await rm(dir, { recursive: true, force: true });
  }
}

/** The round with the median throughput, with the peak RSS of all rounds and every round's req/s and peak RSS beside it. */
function medianRound(results) {
  const sorted = [...results].sort((a, b) => a.rps - b.rps);
  const median = sorted[Math.floor((sorted.length - 1) / 2)];
  const roundsPeakRssMb = results.map((result) => result.peakRssMb ?? Number.NaN);
  return {
    ...median,
    peakRssMb: Math.max(...roundsPeakRssMb),
    sent: results.reduce((sum, result) => sum + result.sent, 0),
    roundsRps: results.map((result) => result.rps),
    roundsPeakRssMb,
  };
}

async function benchScale() {
  progress(`scale: ${CONFIG.scaleApps.toLocaleString('en-US')} apps in memory`);
  const child = spawnTracked(process.execPath, ['--expose-gc', PATHS.scaleChild, String(CONFIG.scaleApps)], { cwd: PATHS.root });
  try {
    const [, json] = await waitForLine(child, /scale-ready (.*)\n/, 600_000);
    const report = JSON.parse(json);
    // Prove the apps are really there and served: the first and the last one answer over HTTP.
    for (const id of report.ids) await probe({ url: `${report.url}/v1/apps/${id}`, method: 'GET', headers: {} }, 200);
    return { ...report, vmRssMb: rssMb(child.pid) };
  } finally {
    await stop(child);
  }
}

try {
  await main();
} catch (error) {
  process.stderr.write(`bench failed: ${error?.stack ?? error}\n`);
  process.exitCode = 1;
} finally {
  await stopAll();
}
