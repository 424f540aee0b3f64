// How each target is started. Every function spawns the server, waits for its first 2xx answer and
// returns the child, its base URL and the start-up time (spawn → first answer) in milliseconds.
import { PATHS } from './paths.js';
import { freePort, spawnTracked, waitForAnswer } from './processes.js';

/** An Apps id that matches the document's pattern, for the stateless targets (Prism). */
export const FIXED_APP_ID = 'app_0193a3b5c0de7000800000000000abcd';

/** The everruns-contract CLI, exactly as a user runs it (`--quiet`, so logging costs nothing). */
export async function startMock({ spec, state, probePath } = {}) {
  const port = await freePort();
  // BENCH_CPU_PROF=dir writes a V8 profile of every mock child on exit (see profile-summary.js).
  const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  const args = [...profile, PATHS.cli, 'mock', '--port', String(port), '--quiet', '--run-duration', '0'];
  if (spec) args.push('--spec', spec);
  if (state) args.push('--state', state);
  // Time a real operation rather than /__mock/health: the first answer a user gets is a routed one.
  return launch(process.execPath, args, port, probePath ?? '/v1/apps');
}

/** The ceiling: `node:http` writing a fixed JSON body, with no routing or validation at all. */
export async function startBare(body) {
  const port = await freePort();
  return launch(process.execPath, [PATHS.bareServer, String(port)], port, '/', { env: { ...process.env, BENCH_BODY: body } });
}

/** The peer: Prism's mock on the same document, single process, with its request log silenced. */
export async function startPrism(spec) {
  const port = await freePort();
  const args = [PATHS.prism, 'mock', spec, '--port', String(port), '--host', '127.0.0.1', '--multiprocess', 'false', '--verboseLevel', 'silent'];
  return launch(process.execPath, args, port, `/v1/apps/${FIXED_APP_ID}`, { env: { ...process.env, NODE_ENV: 'development' } });
}

async function launch(command, args, port, probePath, options = {}) {
  const url = `http://127.0.0.1:${port}`;
  const startedAt = performance.now();
  const child = spawnTracked(command, args, { cwd: PATHS.root, ...options });
  const startupMs = await waitForAnswer(child, url + probePath, startedAt);
  return { child, url, pid: child.pid, startupMs };
}
