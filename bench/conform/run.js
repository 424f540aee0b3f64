// bench/conform: how fast the conformance runner checks a target, beside the target's own raw
// throughput measured in the same run. Run after `npm run build`:  npm run bench:conform
//   BENCH_SECONDS (5)  raw-throughput case length     BENCH_CONFORM_RUNS (100)  --runs of the full run
//   BENCH_CONFORM_CONCURRENCY (4,8)  the runner's --concurrency values to measure
import { spawn } from 'node:child_process';
import { CONFIG } from '../mock/config.js';
import { measure } from '../mock/load.js';
import { PATHS } from '../mock/paths.js';
import { stopAll } from '../mock/processes.js';
import { startMock } from '../mock/servers.js';

const RUNS = Number(process.env.BENCH_CONFORM_RUNS ?? 100);
const CONCURRENCIES = (process.env.BENCH_CONFORM_CONCURRENCY ?? '4,8').split(',').map(Number);

/** Runs the CLI as a user would and reads the request count and duration from its last line. */
function conform(target, concurrency) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [PATHS.cli, 'conform', '--target', target, '--runs', String(RUNS), '--concurrency', String(concurrency), '--seed', '1'], {
      cwd: PATHS.root,
      env: { ...process.env, CI: 'true' },
    });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (out += chunk));
    child.on('error', reject);
    child.on('exit', (code) => {
      const wallMs = performance.now() - started;
      const match = /(\d+) requests in ([\d.]+)s/.exec(out);
      if (!match) return reject(new Error(`conform printed no summary (exit ${code}):\n${out.slice(-2000)}`));
      resolve({ code, requests: Number(match[1]), runMs: Number(match[2]) * 1000, wallMs });
    });
  });
}

async function main() {
  const mock = await startMock();
  try {
    const created = await fetch(`${mock.url}/v1/apps`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'bench', harness_id: 'harness_0193a3b5c0de7000800000000000abcd' }),
    }).then((response) => response.json());
    const raw = await measure({ url: `${mock.url}/v1/apps/${created.id}`, method: 'GET' }, { ...CONFIG, connections: CONFIG.connections });
    const rows = [['mock raw GET app (autocannon, ' + CONFIG.connections + ' connections)', `${Math.round(raw.rps).toLocaleString('en')} req/s`, '', '']];
    for (const concurrency of CONCURRENCIES) {
      const run = await conform(mock.url, concurrency);
      const checkedPerSecond = run.requests / (run.runMs / 1000);
      rows.push(
        [
          `conform --runs ${RUNS} --concurrency ${concurrency}: checked requests`,
          `${Math.round(checkedPerSecond).toLocaleString('en')} req/s`,
          `${(checkedPerSecond / raw.rps).toFixed(2)}× of raw`,
          checkedPerSecond >= 1000 ? 'PASS (≥ 1,000/s)' : 'MISS (≥ 1,000/s)',
        ],
        [
          `  whole contract, wall clock incl. start-up`,
          `${(run.wallMs / 1000).toFixed(1)} s (${run.requests} requests, exit ${run.code})`,
          '',
          run.wallMs < 60_000 ? 'PASS (< 60 s)' : 'MISS (< 60 s)',
        ],
      );
    }
    console.log('| case | measured | ratio | target |\n|---|---|---|---|');
    for (const row of rows) console.log(`| ${row.join(' | ')} |`);
    console.log(`\nnode ${process.version}; load average ${(await import('node:os')).loadavg().map((n) => n.toFixed(1)).join(' ')}`);
  } finally {
    await stopAll();
  }
}

main().catch(async (error) => {
  console.error(error);
  await stopAll();
  process.exit(1);
});
