// The row in Imposter's published benchmark format: requests per second on one CPU core with
// 256 MB (they run `docker run --cpus=1 --memory=256m` and ab at 50-200 concurrency). No container
// runtime here, so the server is pinned to one CPU with `taskset -c 0` and V8's heap is capped with
// `--max-old-space-size`; the kernel does not cap RSS, so the row reports the peak RSS beside it.
import { execFileSync } from 'node:child_process';
import { cpus } from 'node:os';
import { measure, probe } from './load.js';
import { stop, waitUntilIdle } from './processes.js';
import { startBare, startMock } from './servers.js';
import { createCase } from './workloads.js';

/** GET app on the bundled document and the bare ceiling, each alone on CPU 0 under the same caps. */
export async function benchConstrained(config, progress) {
  const pinned = hasTaskset() && cpus().length >= 2;
  const constraint = { command: pinned ? ['taskset', '-c', '0'] : [], nodeArgs: [`--max-old-space-size=${config.imposterHeapMb}`] };
  // Short, because they are printed in the row's label; bench/README.md says what each means.
  const settings = {
    cpu: pinned ? '1 CPU: taskset -c 0' : 'CPUs not pinned',
    memory: `--max-old-space-size=${config.imposterHeapMb}`,
    connections: config.imposterConnections,
  };
  const load = (pid) => ({ ...config, connections: config.imposterConnections, pid });
  const restore = pinned ? pinSelfAwayFromCpu0() : () => undefined;
  const servers = [];
  try {
    const mock = await startMock({ constraint });
    servers.push(mock);
    const app = JSON.parse(await probe(createCase(mock.url).request, 201));
    const getApp = { url: `${mock.url}/v1/apps/${app.id}`, method: 'GET', headers: {} };
    const body = await probe(getApp, 200);
    const bare = await startBare(body, { constraint });
    servers.push(bare);
    for (const server of servers) await waitUntilIdle(server.pid);
    progress(`constrained: bare GET, ${config.imposterConnections} connections on CPU 0`);
    const bareResult = await measure({ url: `${bare.url}/`, method: 'GET', headers: {} }, load(bare.pid));
    progress(`constrained: mock GET app, ${config.imposterConnections} connections on CPU 0`);
    const mockResult = await measure(getApp, load(mock.pid));
    return { settings, mock: mockResult, bare: bareResult };
  } finally {
    restore();
    await Promise.all(servers.map((server) => stop(server.child)));
  }
}

function hasTaskset() {
  try {
    execFileSync('taskset', ['-p', String(process.pid)], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * Moves every thread of the bench (autocannon runs here) off CPU 0, so the load generator does not
 * take the pinned server's core. Returns a function that puts the old affinity back.
 */
function pinSelfAwayFromCpu0() {
  const pid = String(process.pid);
  const before = execFileSync('taskset', ['-p', pid], { encoding: 'utf8' }).match(/mask:\s*([0-9a-f]+)/i)?.[1];
  execFileSync('taskset', ['-a', '-p', '-c', `1-${cpus().length - 1}`, pid], { stdio: 'ignore' });
  return () => {
    if (before) execFileSync('taskset', ['-a', '-p', before, pid], { stdio: 'ignore' });
  };
}
