// How each target is started. Every function spawns the server, waits for its first 2xx answer and
// returns the child, its base URL, the start-up time (spawn → first answer) in milliseconds and the
// peak RSS until that answer.
import { PATHS } from './paths.js';
import { freePort, sampleRss, spawnTracked, stop, waitForAnswer } from './processes.js';

/** RSS sampling period during start-up: short, because a start-up lasts a fraction of a second. */
const STARTUP_RSS_SAMPLE_MS = 10;

/** An Apps id that matches the document's pattern, for the stateless targets (Prism). */
export const FIXED_APP_ID = 'app_0193a3b5c0de7000800000000000abcd';

/**
 * The everruns-contract CLI, exactly as a user runs it (`--quiet`, so logging costs nothing).
 * `probe` is the first request timed ({path, headers}); `env` is added to the bench's environment;
 * `constraint` ({command, nodeArgs}) wraps the node process, e.g. `taskset -c 0` and a heap cap;
 * `defaults` starts it with no flag but the port, its request log on (written to /dev/null).
 */
export async function startMock({ spec, state, probe, env, constraint, timeoutMs, defaults = false } = {}) {
  const port = await freePort();
  // BENCH_CPU_PROF=dir writes a V8 profile of every mock child on exit (see profile-summary.js).
  const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  const args = [...(constraint?.nodeArgs ?? []), ...profile, PATHS.cli, 'mock', '--port', String(port), ...(defaults ? [] : ['--quiet', '--run-duration', '0'])];
  if (spec) args.push('--spec', spec);
  if (state) args.push('--state', state);
  // Time a real operation rather than /__mock/health: the first answer a user gets is a routed one.
  return launch(wrapped(constraint, args), port, probe ?? { path: '/v1/apps' }, { env: { ...process.env, ...env }, timeoutMs, logged: defaults });
}

/**
 * The ceiling: `node:http` writing a fixed JSON body, with no routing or validation at all.
 * `plain` leaves out the process.nextTick entry it keeps alive as the mock does.
 */
export async function startBare(body, { constraint, plain = false } = {}) {
  const port = await freePort();
  const args = [...(constraint?.nodeArgs ?? []), PATHS.bareServer, String(port)];
  return launch(wrapped(constraint, args), port, { path: '/' }, { env: { ...process.env, BENCH_BODY: body, BENCH_BARE_PLAIN: plain ? '1' : '0' } });
}

/**
 * The peer: Prism's mock on the same document, single process, with its request log silenced;
 * `defaults` starts it as `prism mock SPEC --port P`, its request log on (written to /dev/null).
 */
export async function startPrism(spec, { probe, timeoutMs, defaults = false } = {}) {
  const port = await freePort();
  const args = [PATHS.prism, 'mock', spec, '--port', String(port), '--host', '127.0.0.1', ...(defaults ? [] : ['--multiprocess', 'false', '--verboseLevel', 'silent'])];
  return launch([process.execPath, ...args], port, probe ?? { path: `/v1/apps/${FIXED_APP_ID}` }, { env: { ...process.env, NODE_ENV: 'development' }, timeoutMs, logged: defaults });
}

/** `[command, ...args]` for node, behind the constraint's command (which execs node, so the pid stays node's). */
function wrapped(constraint, args) {
  return [...(constraint?.command ?? []), process.execPath, ...args];
}

async function launch([command, ...args], port, probe, { env, timeoutMs, logged = false }) {
  const url = `http://127.0.0.1:${port}`;
  const startedAt = performance.now();
  // /dev/null is the cheapest sink a request log can have, and the same for both servers logging.
  const child = spawnTracked(command, args, { cwd: PATHS.root, env, ...(logged ? { stdio: ['ignore', 'ignore', 'pipe'] } : {}) });
  const rss = sampleRss(child.pid, STARTUP_RSS_SAMPLE_MS);
  try {
    const startupMs = await waitForAnswer(child, url + probe.path, startedAt, { headers: probe.headers, timeoutMs });
    return { child, url, pid: child.pid, startupMs, startupPeakRssMb: rss.stop() };
  } catch (error) {
    // A timeout keeps what the server had grown to by then, which the large-document rows report.
    error.peakRssMb = rss.stop();
    await stop(child);
    throw error;
  }
}
