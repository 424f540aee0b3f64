import { readFileSync } from 'node:fs';

/** Where the CLI writes and what it reads of its environment; tests pass their own to run in-process. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Resolves when the process is asked to stop (SIGINT/SIGTERM, or its npm parent gone); tests resolve it themselves. */
  stopSignal: Promise<string>;
  /** `EVERRUNS_CONTRACT_*` variables are read from here (default: none, so tests are hermetic). */
  env?: Readonly<Record<string, string | undefined>>;
  /** Where `everruns-contract.config.json` and `package.json` are looked for (default: no config file). */
  cwd?: string;
  /** stdout is a terminal: progress redraws one line, and colour is on unless NO_COLOR says otherwise. */
  tty?: boolean;
}

// How often a command started by npm looks whether npm is still there.
const PARENT_POLL_MS = 500;

/** The real process's io. */
export function processIo(): CliIo {
  // A reader that goes away (`mock | head`) must not take a running server down with EPIPE.
  process.stdout.on('error', () => {});
  process.stderr.on('error', () => {});
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    stopSignal: new Promise((resolve) => {
      process.once('SIGINT', () => resolve('SIGINT'));
      process.once('SIGTERM', () => resolve('SIGTERM'));
      watchNpmParent(resolve);
    }),
    env: process.env,
    cwd: process.cwd(),
    tty: process.stdout.isTTY === true,
  };
}

/**
 * `npx everruns-contract mock &` runs node under `npm exec` and a shell (`npm → sh -c → node`), and
 * a killed npm does not pass the signal on: node would serve on forever. Started by npm (which sets
 * `npm_command`), the command stops as on SIGTERM once its parent is gone (it is re-parented) or
 * its grandparent is (npm killed with SIGKILL leaves the shell waiting on node). Started any other
 * way (node, a global install, nohup), it is left to its own signals.
 */
function watchNpmParent(resolve: (signal: string) => void): void {
  if (process.env.npm_command === undefined) return;
  const parent = process.ppid;
  const grandparent = parentOf(parent);
  const timer = setInterval(() => {
    if (process.ppid === parent && (grandparent === undefined || isAlive(grandparent))) return;
    clearInterval(timer);
    resolve('npm exited');
  }, PARENT_POLL_MS);
  timer.unref();
}

// Linux's /proc/<pid>/stat: "pid (comm) state ppid …"; the name may hold spaces and parentheses.
function parentOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    return Number.isInteger(ppid) && ppid > 1 ? ppid : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
