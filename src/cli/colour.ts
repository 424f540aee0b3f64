import type { CliIo } from './io.js';

/** ANSI styles, or the identity when colour is off. */
export interface Paint {
  readonly on: boolean;
  green(text: string): string;
  red(text: string): string;
  yellow(text: string): string;
  dim(text: string): string;
}

const style = (open: number, close: number) => (text: string) => `\x1b[${open}m${text}\x1b[${close}m`;
const PLAIN = (text: string) => text;

/**
 * Colour only on a terminal, as the conventions say: `NO_COLOR` (any value but empty, no-color.org)
 * turns it off, `FORCE_COLOR` turns it on (`0` or `false` off) even when stdout is a pipe.
 */
export function paintFor(io: CliIo): Paint {
  const env = io.env ?? {};
  const force = env.FORCE_COLOR;
  const on =
    env.NO_COLOR !== undefined && env.NO_COLOR !== ''
      ? false
      : force !== undefined
        ? force !== '0' && force.toLowerCase() !== 'false'
        : io.tty === true;
  if (!on) return { on, green: PLAIN, red: PLAIN, yellow: PLAIN, dim: PLAIN };
  return { on, green: style(32, 39), red: style(31, 39), yellow: style(33, 39), dim: style(2, 22) };
}

/** A request log line (`<time> GET /x 404 0.3ms`) with its time dimmed and its status coloured by class. */
export function paintLogLine(line: string, paint: Paint): string {
  if (!paint.on) return line;
  const match = /^(\S+) (.* )(\d{3}|reset)( \S+)$/.exec(line);
  if (!match) return line;
  const [, time, request, status, ms] = match;
  const colour = status === 'reset' || status!.startsWith('5') ? paint.red : status!.startsWith('4') ? paint.yellow : paint.green;
  return `${paint.dim(time!)} ${request}${colour(status!)}${paint.dim(ms!)}`;
}

/** Conform's output with what held in green and what broke in red, line by line; the text itself is unchanged. */
export function paintReport(text: string, paint: Paint): string {
  if (!paint.on) return text;
  return text
    .split('\n')
    .map((line) => {
      if (/^(\r\x1b\[2K)?✗|^\d+\. \[|^\d+ findings?[:,]|^interrupted, not passed/.test(line)) return paint.red(line);
      if (/^(\r\x1b\[2K)?✓|^all checks passed|^passed with/.test(line)) return paint.green(line);
      // Document warnings, and waivers that expired or accepted nothing: to read, not failing the gate.
      if (/^(\r\x1b\[2K)?(warning:|!)|^W\d+\. \[|^(expired|unused) waiver:/.test(line)) return paint.yellow(line);
      return line;
    })
    .join('\n');
}
