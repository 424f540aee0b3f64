/** Where the CLI writes; tests pass their own to capture output in-process. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Resolves when the process is asked to stop (SIGINT/SIGTERM); tests resolve it themselves. */
  stopSignal: Promise<string>;
}

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
    }),
  };
}
