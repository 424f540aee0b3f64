// bench/conform: how fast the conformance runner checks a target, on the machine as it is and under
// a CPU load the bench starts itself (a shared CI runner), each beside the target's raw throughput
// measured in the same condition. Run after `npm run build`:  npm run bench:conform
//   BENCH_SECONDS (5)  raw-throughput case length      BENCH_CONFORM_RUNS (100)  --runs of the measured runs
//   BENCH_CONFORM_CONCURRENCY (4,8)  --concurrency values   BENCH_CONFORM_ROUNDS (3)  default runs per condition
//   BENCH_CONFORM_LOAD (one per CPU)  busy loops of the loaded condition
import { cpus } from 'node:os';
import { CONFIG } from '../mock/config.js';
import { measure } from '../mock/load.js';
import { stop, stopAll } from '../mock/processes.js';
import { startMock } from '../mock/servers.js';
import { conform } from './conform-cli.js';
import { loadAverage, loadProcesses, startCpuLoad } from './cpu-load.js';

const RUNS = Number(process.env.BENCH_CONFORM_RUNS ?? 100);
const CONCURRENCIES = (process.env.BENCH_CONFORM_CONCURRENCY ?? '4,8').split(',').map(Number);
const ROUNDS = Number(process.env.BENCH_CONFORM_ROUNDS ?? 3);
const MIN_CHECKED_PER_SECOND = 1000;
const DEFAULT_RUN_MAX_MS = 10_000;

/** A fresh mock for each measurement: what one run created would make the next one's lists longer. */
async function withMock(use) {
  const mock = await startMock();
  try {
    return await use(mock.url);
  } finally {
    await stop(mock.child);
  }
}

async function rawThroughput(url) {
  const created = await fetch(`${url}/v1/apps`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'bench', harness_id: 'harness_0193a3b5c0de7000800000000000abcd' }),
  }).then((response) => response.json());
  return (await measure({ url: `${url}/v1/apps/${created.id}`, method: 'GET' }, CONFIG)).rps;
}

/** Everything measured in one condition: `load` busy loops (0: the machine as it is). */
async function condition(load) {
  const cpuLoad = await startCpuLoad(load);
  try {
    const loadBefore = loadAverage();
    const raw = await withMock(rawThroughput);
    const measured = [];
    for (const concurrency of CONCURRENCIES) {
      const args = ['--runs', String(RUNS), '--concurrency', String(concurrency), '--seed', '1'];
      measured.push({ concurrency, run: await withMock((url) => conform(url, args)) });
    }
    // What a user types: no --runs, --concurrency or --seed.
    const defaults = [];
    for (let round = 0; round < ROUNDS; round++) defaults.push(await withMock((url) => conform(url)));
    return { load, raw, measured, defaultRun: median(defaults, (run) => run.wallMs), loadBefore, loadAfter: loadAverage() };
  } finally {
    await cpuLoad.stop();
  }
}

function median(values, by) {
  const sorted = [...values].sort((a, b) => by(a) - by(b));
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

const reqs = (n) => `${Math.round(n).toLocaleString('en')} req/s`;
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
const verdict = (ok) => (ok ? 'PASS' : 'MISS');

function table(quiet, loaded) {
  const both = (cell) => [cell(quiet), cell(loaded)];
  const rows = [[`mock raw GET app (autocannon, ${CONFIG.connections} connections)`, ...both((c) => reqs(c.raw)), '—']];
  CONCURRENCIES.forEach((concurrency, index) => {
    const of = (c) => c.measured[index].run;
    rows.push(
      [
        `conform --runs ${RUNS} --concurrency ${concurrency}: checked requests (÷ raw)`,
        ...both((c) => `${reqs(of(c).checkedPerSecond)} (${(of(c).checkedPerSecond / c.raw).toFixed(3)}×)`),
        `quiet ≥ ${MIN_CHECKED_PER_SECOND.toLocaleString('en')}/s: ${verdict(of(quiet).checkedPerSecond >= MIN_CHECKED_PER_SECOND)}`,
      ],
      [`  wall clock incl. start-up`, ...both((c) => `${seconds(of(c).wallMs)} (${of(c).requests} requests, exit ${of(c).code})`), '—'],
    );
  });
  rows.push(
    [
      `default run \`conform --target URL\`: wall clock (median of ${ROUNDS})`,
      ...both((c) => `${seconds(c.defaultRun.wallMs)} (${c.defaultRun.requests} requests, exit ${c.defaultRun.code})`),
      `loaded < ${DEFAULT_RUN_MAX_MS / 1000} s: ${verdict(loaded.defaultRun.wallMs < DEFAULT_RUN_MAX_MS)}`,
    ],
    [`  its checked requests (÷ raw)`, ...both((c) => `${reqs(c.defaultRun.checkedPerSecond)} (${(c.defaultRun.checkedPerSecond / c.raw).toFixed(3)}×)`), '—'],
    [`1-min load average, start → end of the condition`, ...both((c) => `${c.loadBefore.toFixed(1)} → ${c.loadAfter.toFixed(1)}`), '—'],
  );
  const header = ['case', 'quiet (the machine as it is)', `loaded (+${loaded.load} busy loops)`, 'target'];
  return [header, header.map(() => '---'), ...rows].map((row) => `| ${row.join(' | ')} |`).join('\n');
}

async function main() {
  try {
    const quiet = await condition(0);
    const loaded = await condition(loadProcesses());
    console.log(table(quiet, loaded));
    console.log(`\nnode ${process.version}, ${cpus().length} CPUs (${cpus()[0]?.model.trim() ?? 'unknown'}); a fresh mock for every measurement`);
  } finally {
    await stopAll();
  }
}

main().catch(async (error) => {
  console.error(error);
  await stopAll();
  process.exit(1);
});
