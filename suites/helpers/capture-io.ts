import type { CliIo } from '../../src/cli/io.js';

/** A CLI io that keeps what the command printed and never asks it to stop. */
export function captureIo(): CliIo & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    stdout: (text) => void (out += text),
    stderr: (text) => void (err += text),
    stopSignal: new Promise(() => {}),
    out: () => out,
    err: () => err,
  };
}
