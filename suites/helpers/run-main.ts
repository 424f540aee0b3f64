import { expect, onTestFinished } from 'vitest';
import type { CliIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';

/** What a command printed and returned. */
export interface MainResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** A command running in-process through `main(argv, io)`: its output so far, and a stop that acts as SIGTERM. */
export interface RunningMain {
  stdout(): string;
  stderr(): string;
  /** Resolves once the command printed a line matching `pattern` (rejects when it ended first, or after 20 s). */
  printed(pattern: RegExp): Promise<RegExpExecArray>;
  /** Sends the stop signal and waits for the exit code. */
  stop(): Promise<MainResult>;
  /** The exit code, once the command ended by itself. */
  ended: Promise<MainResult>;
}

/** Starts `main(argv)` with captured output; `io` adds an environment, a working directory or a tty. Stopped when the test ends. */
export function startMain(argv: string[], io: Omit<Partial<CliIo>, 'stdout' | 'stderr' | 'stopSignal'> = {}): RunningMain {
  let stdout = '';
  let stderr = '';
  let stop!: (signal: string) => void;
  const stopSignal = new Promise<string>((resolve) => (stop = resolve));
  const ended = main(argv, {
    ...io,
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    stopSignal,
  }).then((code) => ({ code, stdout, stderr }));
  onTestFinished(async () => {
    stop('SIGTERM');
    await ended;
  });
  return {
    stdout: () => stdout,
    stderr: () => stderr,
    ended,
    stop: () => {
      stop('SIGTERM');
      return ended;
    },
    async printed(pattern) {
      let finished = false;
      void ended.then(() => (finished = true));
      const until = Date.now() + 20_000;
      for (;;) {
        const match = pattern.exec(stdout);
        if (match) return match;
        if (finished || Date.now() > until) throw new Error(`never printed ${pattern}; stdout: ${stdout} stderr: ${stderr}`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    },
  };
}

/** Runs a command that ends by itself. */
export function runMain(argv: string[], io: Omit<Partial<CliIo>, 'stdout' | 'stderr' | 'stopSignal'> = {}): Promise<MainResult> {
  return startMain(argv, io).ended;
}

/** Exit 2 with exactly one line on stderr, nothing on stdout, and no stack trace. */
export function expectOneLineFailure(result: MainResult, mention: RegExp): void {
  expect(result.code, result.stderr).toBe(2);
  const lines = result.stderr.trimEnd().split('\n');
  expect(lines, result.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(mention);
  expect(result.stderr).not.toMatch(/\bat .+:\d+:\d+/);
  expect(result.stdout).toBe('');
}
