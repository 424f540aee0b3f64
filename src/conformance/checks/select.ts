import { UsageError } from '../../core/index.js';
import type { Check } from './check.js';

/**
 * The checks to run: all of `available`, or only `include`, minus `exclude`. `extraNames` are
 * checks run elsewhere (an extra phase) that are valid names too; unknown names are a usage error
 * listing the valid ones.
 */
export function selectChecks(
  available: readonly Check[],
  include?: readonly string[],
  exclude: readonly string[] = [],
  extraNames: readonly string[] = [],
): Check[] {
  const names = new Set([...available.map((check) => check.name), ...extraNames]);
  const unknown = [...(include ?? []), ...exclude].filter((name) => !names.has(name));
  if (unknown.length > 0) {
    throw new UsageError(
      `unknown check${unknown.length > 1 ? 's' : ''} ${unknown.map((n) => `'${n}'`).join(', ')}; valid checks: ${[...names].join(', ')}`,
    );
  }
  const selected = available.filter((check) => selectNames([check.name], include, exclude).length > 0);
  if (selected.length === 0 && selectNames(extraNames, include, exclude).length === 0) {
    throw new UsageError('no check left to run after --checks/--exclude-checks');
  }
  return selected;
}

/** The names among `names` that --checks/--exclude-checks leave enabled. */
export function selectNames(names: readonly string[], include?: readonly string[], exclude: readonly string[] = []): string[] {
  return names.filter((name) => (include === undefined || include.length === 0 || include.includes(name)) && !exclude.includes(name));
}
