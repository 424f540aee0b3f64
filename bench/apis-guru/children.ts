import { spawn, type ChildProcess } from 'node:child_process';

/** A server under test in its own process group, with the tail of its output and how it ended. */
export interface Child {
  process: ChildProcess;
  output(): string;
  /** Set once the process has exited, by itself or because it was stopped. */
  exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  exited: Promise<void>;
}

const live = new Set<Child>();

/** Spawns a tracked child; every child still alive is killed when the bench leaves, however it leaves. */
export function spawnChild(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Child {
  const process_ = spawn(command, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env });
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString('utf8')).slice(-8192));
  process_.stdout!.on('data', keep);
  process_.stderr!.on('data', keep);
  const child: Child = {
    process: process_,
    output: () => output,
    exit: undefined,
    exited: new Promise((resolve) =>
      process_.once('exit', (code, signal) => {
        child.exit = { code, signal };
        live.delete(child);
        resolve();
      }),
    ),
  };
  live.add(child);
  return child;
}

/** Stops a child and its group: SIGTERM, then SIGKILL after `graceMs`. */
export async function stopChild(child: Child, graceMs = 3000): Promise<void> {
  if (child.exit) return;
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(-child.process.pid!, name);
    } catch {
      // Already gone.
    }
  };
  signal('SIGTERM');
  const timer = setTimeout(() => signal('SIGKILL'), graceMs);
  await child.exited;
  clearTimeout(timer);
}

process.on('exit', () => {
  for (const child of live) {
    try {
      process.kill(-child.process.pid!, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
});
for (const name of ['SIGINT', 'SIGTERM'] as const) {
  process.once(name, () => {
    void Promise.all([...live].map((child) => stopChild(child, 500))).finally(() => process.exit(130));
  });
}

/** Resolves with the first match of `pattern` in the child's output, or undefined if it exits or times out first. */
export async function waitForOutput(child: Child, pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray | undefined> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !child.exit) {
    const match = child.output().match(pattern);
    if (match) return match;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return child.output().match(pattern) ?? undefined;
}

/** Polls `url` until anything answers; false if the child exits or the time runs out first. */
export async function waitForAnswer(child: Child, url: string, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !child.exit) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      await response.arrayBuffer();
      return true;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  return false;
}
