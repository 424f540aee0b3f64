import type { RequestMode } from '../generate/request-arbitrary.js';

/** One generated case of one operation: its mode, round and fast-check's own path. */
export interface CaseReplay {
  operation: string;
  mode: RequestMode;
  round: number;
  path: string;
}

/** A case to replay: a generated one, the API-key probes of one operation, or a plug-in's set-up. */
export type ReplayTarget = CaseReplay | { operation: string; mode: 'auth' } | { setUp: string };

/** Formats a replay path (`getPet:negative:0:12:3:0`, `getPet:auth:0:0`, `setup:apps`). */
export function formatReplay(target: ReplayTarget): string {
  if ('setUp' in target) return `setup:${target.setUp}`;
  if (target.mode === 'auth') return `${target.operation}:auth:0:0`;
  return `${target.operation}:${target.mode}:${target.round}:${target.path}`;
}

/** Parses what formatReplay wrote; undefined when it is not one. */
export function parseReplay(text: string): ReplayTarget | undefined {
  const setUp = /^setup:([\w-]+)$/.exec(text);
  if (setUp) return { setUp: setUp[1]! };
  const match = /^(.+):(positive|negative|auth):(\d+):(\d+(?::\d+)*)$/.exec(text);
  if (!match) return undefined;
  if (match[2] === 'auth') return { operation: match[1]!, mode: 'auth' };
  return { operation: match[1]!, mode: match[2] as RequestMode, round: Number(match[3]), path: match[4]! };
}
