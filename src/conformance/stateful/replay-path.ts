/** Where a stateful case lives: the round, the checks earlier rounds had reported, and fast-check's paths. */
export interface StatefulReplay {
  round: number;
  excluded: string[];
  /** fast-check's `path` (with the round's seed). */
  path: string;
  /** fast-check's `replayPath` hint for fc.commands; '' when none. */
  replayPath: string;
}

/** Formats a replay path of a source: `stateful@1@read_your_writes@3:0:1@AAB:ID` for the prefix `stateful`. */
export function formatStatefulReplay(prefix: string, replay: StatefulReplay): string {
  return [prefix, String(replay.round), replay.excluded.join(',') || '-', replay.path, replay.replayPath].join('@');
}

/** Parses what formatStatefulReplay wrote with this prefix; undefined when it is not such a path. */
export function parseStatefulReplay(prefix: string, text: string): StatefulReplay | undefined {
  const parts = text.split('@');
  if (parts.length !== 5 || parts[0] !== prefix || !/^\d+$/.test(parts[1]!) || !/^\d+(:\d+)*$/.test(parts[3]!)) return undefined;
  return {
    round: Number(parts[1]),
    excluded: parts[2] === '-' ? [] : parts[2]!.split(','),
    path: parts[3]!,
    replayPath: parts[4]!,
  };
}
