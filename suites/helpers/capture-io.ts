import type { CliIo } from '../../src/cli/io.js';

/** A CLI io that keeps what is written; `stop` delivers the signal a long-running command waits for. */
export function captureIo(): CliIo & { out: () => string; err: () => string; stop: (signal: string) => void } {
  let out = '';
  let err = '';
  let stop!: (signal: string) => void;
  return {
    stdout: (text) => void (out += text),
    stderr: (text) => void (err += text),
    stopSignal: new Promise((resolve) => (stop = resolve)),
    out: () => out,
    err: () => err,
    stop: (signal) => stop(signal),
  };
}

/** Waits (up to 5 s) until `read()` matches `pattern`, for output a running command prints. */
export async function waitFor(pattern: RegExp, read: () => string): Promise<RegExpExecArray> {
  for (let i = 0; i < 200; i++) {
    const match = pattern.exec(read());
    if (match) return match;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`never saw ${pattern}: ${read()}`);
}
