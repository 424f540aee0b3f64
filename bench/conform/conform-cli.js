// Runs `everruns-contract conform` as a user does, in a child of its own, and reads the request
// count and the run's duration from its summary line; the wall clock includes the CLI's start-up.
import { PATHS } from '../mock/paths.js';
import { spawnTracked } from '../mock/processes.js';

/**
 * `args` are the flags after `conform --target URL` (none for the default run). BENCH_CPU_PROF=dir
 * writes a V8 CPU profile of every conform child there (see bench/mock/profile-summary.js).
 */
export async function conform(target, args = []) {
  const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  const started = performance.now();
  const child = spawnTracked(process.execPath, [...profile, PATHS.cli, 'conform', '--target', target, ...args], {
    cwd: PATHS.root,
    env: { ...process.env, CI: 'true' },
  });
  let out = '';
  child.stdout.on('data', (chunk) => (out += chunk));
  const { code } = await child.exited;
  const wallMs = performance.now() - started;
  const match = /(\d+) requests in ([\d.]+)s/.exec(out);
  if (!match) throw new Error(`conform printed no summary (exit ${code}):\n${out.slice(-2000)}${child.output}`);
  const requests = Number(match[1]);
  const runMs = Number(match[2]) * 1000;
  return { code, requests, runMs, wallMs, checkedPerSecond: requests / (runMs / 1000) };
}
