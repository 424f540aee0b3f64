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
 * `npx everruns-contract mock &` runs node under `npm exec` (and a shell), and killing npm does not
 * pass the signal on: node is re-parented and would serve on forever. Started by npm (which sets
 * `npm_command`), the command stops as on SIGTERM once its parent is gone. Started any other way
 * (node, a global install, nohup), it is left to its own signals.
 */
function watchNpmParent(resolve: (signal: string) => void): void {
  if (process.env.npm_command === undefined) return;
  const parent = process.ppid;
  const timer = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(timer);
    resolve('parent process gone');
  }, PARENT_POLL_MS);
  timer.unref();
}
