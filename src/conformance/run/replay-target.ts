import type { RequestMode } from '../generate/request-arbitrary.js';

/** A fast-check path to replay: which operation, mode and round, and fast-check's own path. */
export interface ReplayTarget {
  operation: string;
  mode: RequestMode;
  round: number;
  path: string;
}

/** Formats a replay path (`getPet:negative:0:12:3:0`). */
export function formatReplay(target: ReplayTarget): string {
  return `${target.operation}:${target.mode}:${target.round}:${target.path}`;
}

/** Parses what formatReplay wrote; undefined when it is not one. */
export function parseReplay(text: string): ReplayTarget | undefined {
  const match = /^(.+):(positive|negative):(\d+):(\d+(?::\d+)*)$/.exec(text);
  if (!match) return undefined;
  return { operation: match[1]!, mode: match[2] as RequestMode, round: Number(match[3]), path: match[4]! };
}
