// Every server under test runs in its own child process, so the load generator and the server
// never share an event loop. This file owns those children and makes sure none outlives the bench.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { execFileSync } from 'node:child_process';

const live = new Set();

/** Spawns a tracked child; its last few KB of output are kept for error messages. */
export function spawnTracked(command, args, options = {}) {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options });
  child.output = '';
  const keep = (chunk) => {
    child.output = (child.output + chunk.toString('utf8')).slice(-4096);
  };
  // A server whose request log is on writes its stdout to /dev/null (options.stdio): no pipe to drain.
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  live.add(child);
  child.exited = new Promise((resolve) => child.once('exit', (code, signal) => {
    live.delete(child);
    resolve({ code, signal });
  }));
  return child;
}

/** Stops one child: SIGTERM, then SIGKILL if it has not gone within `graceMs`. */
export async function stop(child, graceMs = 2000) {
  if (!live.has(child)) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await child.exited;
  clearTimeout(timer);
}

/** Stops every child still running (used in `finally` and on signals). */
export async function stopAll() {
  await Promise.all([...live].map((child) => stop(child)));
}

// Last resort: the process is leaving (even on an uncaught error), so kill synchronously.
process.on('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    stopAll().finally(() => process.exit(130));
  });
}

/** A port the OS just reported free (for servers that cannot be told to pick one and print it). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Resolves with the first stdout line matching `pattern`, or rejects when the child exits first. */
export function waitForLine(child, pattern, timeoutMs = 30_000) {
  return new Promise((resolve, reject) => {
    let buffered = '';
    const onData = (chunk) => {
      buffered += chunk.toString('utf8');
      const match = buffered.match(pattern);
      if (match) finish(() => resolve(match));
    };
    const onExit = () => finish(() => reject(new Error(`child exited before printing ${pattern}:\n${child.output}`)));
    const timer = setTimeout(() => finish(() => reject(new Error(`no ${pattern} within ${timeoutMs} ms:\n${child.output}`))), timeoutMs);
    const finish = (settle) => {
      clearTimeout(timer);
      child.stdout.off('data', onData);
      child.off('exit', onExit);
      settle();
    };
    child.stdout.on('data', onData);
    child.once('exit', onExit);
  });
}

/** A server that did not answer in time: a result to report (Prism on a large document), not a bench failure. */
export class StartupTimeout extends Error {}

/**
 * Polls `url` until it answers 2xx and returns the milliseconds since `startedAt`. Connection refused
 * is cheap, so a 5 ms period costs the starting child nothing noticeable.
 */
export async function waitForAnswer(child, url, startedAt, { headers, timeoutMs = 60_000 } = {}) {
  for (;;) {
    if (!live.has(child)) throw new Error(`child exited before answering ${url}:\n${child.output}`);
    try {
      const response = await fetch(url, { headers, signal: AbortSignal.timeout(5000) });
      await response.arrayBuffer();
      if (response.ok) return performance.now() - startedAt;
    } catch {
      // not listening yet
    }
    if (performance.now() - startedAt > timeoutMs) throw new StartupTimeout(`${url} did not answer within ${timeoutMs} ms:\n${child.output}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Resident set size of a process in MB, from /proc (Linux) or `ps` elsewhere. */
export function rssMb(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = status.match(/^VmRSS:\s+(\d+)\s+kB/m);
    if (match) return Number(match[1]) / 1024;
  } catch {
    // not Linux, or the process is gone
  }
  try {
    return Number(execFileSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' }).trim()) / 1024;
  } catch {
    return Number.NaN;
  }
}

/** Samples a process's RSS periodically; `stop()` returns the peak in MB. */
export function sampleRss(pid, periodMs) {
  let peak = rssMb(pid);
  const timer = setInterval(() => {
    const value = rssMb(pid);
    if (value > peak || Number.isNaN(peak)) peak = value;
  }, periodMs);
  return {
    stop() {
      clearInterval(timer);
      const values = [peak, rssMb(pid)].filter((value) => !Number.isNaN(value));
      return values.length === 0 ? Number.NaN : Math.max(...values);
    },
  };
}

/** CPU seconds (user + system) a process has used, from /proc; undefined where there is no /proc. */
export function cpuSeconds(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    // utime and stime, fields 14 and 15 of proc(5), in clock ticks (USER_HZ, 100 on Linux).
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}

/**
 * Waits until a server has finished what it does by itself after start (a mock compiles its
 * validators in the background; the platform's document takes seconds): its CPU time stops
 * growing for one period. A server still busy would take CPU from whichever case runs beside it.
 * Gives up after `timeoutMs` and returns how long it waited.
 */
export async function waitUntilIdle(pid, { periodMs = 300, idleShare = 0.05, timeoutMs = 60_000 } = {}) {
  const began = performance.now();
  let before = cpuSeconds(pid);
  while (before !== undefined && performance.now() - began < timeoutMs) {
    await new Promise((resolve) => setTimeout(resolve, periodMs));
    const now = cpuSeconds(pid);
    if (now === undefined || (now - before) * 1000 <= periodMs * idleShare) break;
    before = now;
  }
  return performance.now() - began;
}
