// bench/mock: the mock's speed and memory beside two baselines measured in the same run, a bare
// node:http server (the ceiling) and Prism (the peer). Prints one Markdown table and writes
// results.json. Run with `npm run bench:mock` after building (`npx tsc -p tsconfig.build.json`).
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
  if (!existsSync(PATHS.cli)) throw new Error(`${PATHS.cli} is missing: build first with npx tsc -p tsconfig.build.json`);
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
 * All four servers run side by side (an idle one costs nothing) and the cases run in pairs: each
 * mock case right next to the baseline it is divided by, so drifting load on a shared machine
 * skews both sides of a ratio alike.
 */
async function benchThroughput() {
  const dir = await mkdtemp(join(tmpdir(), 'everruns-bench-'));
  const servers = [];
  const started = async (promise) => {
    const server = await promise;
    servers.push(server);
    return server;
  };
  try {
    const mock = await started(startMock());
    const persisted = await started(startMock({ state: join(dir, 'state.db') }));
    const platform = existsSync(PATHS.platformSpec) ? await started(startMock({ spec: PATHS.platformSpec, probe: { path: '/v1/agents' } })) : undefined;
    const prism = await started(startPrism(PATHS.bundledSpec));
    // Both as a user first starts them (`mock`, `prism mock SPEC`): the request log on.
    const mockDefaults = await started(startMock({ defaults: true }));
    const prismDefaults = await started(startPrism(PATHS.bundledSpec, { defaults: true }));
    const cases = Object.fromEntries((await prepareMockCases(mock.url, CONFIG.seededRuns)).map((entry) => [entry.key, entry]));
    const getAppBody = await probe(cases.getApp.request, 200);
    const bare = await started(startBare(getAppBody));
    const peer = Object.fromEntries(statelessCases(prism.url).map((entry) => [entry.key, entry]));
    const [defaultsGetApp] = (await prepareMockCases(mockDefaults.url, 0)).filter((entry) => entry.key === 'getApp');
    const [prismDefaultsGetApp] = statelessCases(prismDefaults.url).filter((entry) => entry.key === 'getApp');
    // Every server settles first: the platform mock's background compile ran for seconds and took
    // CPU from the GET app case beside it (65k req/s there, 77k for the inferred GET after it).
    for (const server of servers) await waitUntilIdle(server.pid);
    const idleRssMb = rssMb(mock.pid);
    const reads = [
      ['bare', bare, { key: 'getApp', name: 'GET (fixed body)', request: { url: `${bare.url}/`, method: 'GET', headers: {} }, status: 200 }],
      ['mock', mock, cases.getApp],
      ['mock', mock, cases.getAppFresh],
      ...(platform ? [['platform', platform, await inferredCase(platform.url)]] : []),
      ['mockDefaults', mockDefaults, defaultsGetApp],
      ['prismDefaults', prismDefaults, prismDefaultsGetApp],
    ];
    const plan = [
      // The reads and the ceiling in turn, round after round: a drift of the machine's load during
      // one round then skews one sample of each, and the median round leaves it out.
      ...Array.from({ length: CONFIG.readRounds }, () => reads).flat(),
      ['mock', mock, cases.getAppTraced],
      ['prism', prism, peer.getApp],
      ['mock', mock, cases.createApp],
      ['persisted', persisted, createCase(persisted.url)],
      ['prism', prism, peer.createApp],
      ['mock', mock, cases.updateApp],
      ['mock', mock, cases.invokeWebhook],
      ['mock', mock, cases.listRuns],
    ];
    const results = { mock: { idleRssMb, getAppBytes: Buffer.byteLength(getAppBody), cases: {} }, bare: { cases: {} }, prism: { cases: {} }, persisted: { cases: {} }, platform: { cases: {} }, mockDefaults: { cases: {} }, prismDefaults: { cases: {} } };
    const rounds = new Map();
    for (const [target, server, entry] of plan) {
      progress(`${target}: ${entry.name}`);
      const body = await probe(entry.request, entry.status);
      const result = { name: entry.name, bodyBytes: Buffer.byteLength(body), ...(await measure(entry.request, load(server.pid))) };
      const id = `${target} ${entry.key}`;
      rounds.set(id, [...(rounds.get(id) ?? []), result]);
      results[target].cases[entry.key] = medianRound(rounds.get(id));
    }
    return results;
  } finally {
    await Promise.all(servers.map((server) => stop(server.child)));
    await rm(dir, { recursive: true, force: true });
  }
}

/** The round with the median throughput, with the peak RSS of all rounds and every round's req/s beside it. */
function medianRound(results) {
  const sorted = [...results].sort((a, b) => a.rps - b.rps);
  const median = sorted[Math.floor((sorted.length - 1) / 2)];
  const peakRssMb = Math.max(...results.map((result) => result.peakRssMb ?? Number.NaN));
  return { ...median, peakRssMb, sent: results.reduce((sum, result) => sum + result.sent, 0), roundsRps: results.map((result) => result.rps) };
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
