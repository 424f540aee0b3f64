/** Where a stateful case lives: the round, the checks earlier rounds had reported, and fast-check's paths. */
export interface StatefulReplay {
  round: number;
  excluded: string[];
  /** fast-check's `path` (with the round's seed). */
  path: string;
  /** fast-check's `replayPath` hint for fc.commands; '' when none. */
  replayPath: string;
}

const PREFIX = 'stateful';

/** Formats a replay path: `stateful@1@read_your_writes@3:0:1@AAB:ID`. */
export function formatStatefulReplay(replay: StatefulReplay): string {
  return [PREFIX, String(replay.round), replay.excluded.join(',') || '-', replay.path, replay.replayPath].join('@');
}

/** Parses what formatStatefulReplay wrote; undefined when it is not a stateful replay path. */
export function parseStatefulReplay(text: string): StatefulReplay | undefined {
  const parts = text.split('@');
  if (parts.length !== 5 || parts[0] !== PREFIX || !/^\d+$/.test(parts[1]!) || !/^\d+(:\d+)*$/.test(parts[3]!)) return undefined;
  return {
    round: Number(parts[1]),
    excluded: parts[2] === '-' ? [] : parts[2]!.split(','),
    path: parts[3]!,
    replayPath: parts[4]!,
  };
}
