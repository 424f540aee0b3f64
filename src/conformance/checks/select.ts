import { UsageError } from '../../core/index.js';
import type { Check } from '../check.js';

/** The checks to run: all of `available`, or only `include`, minus `exclude`; unknown names are a usage error listing the valid ones. */
export function selectChecks(available: readonly Check[], include?: readonly string[], exclude: readonly string[] = []): Check[] {
  const names = new Set(available.map((check) => check.name));
  const unknown = [...(include ?? []), ...exclude].filter((name) => !names.has(name));
  if (unknown.length > 0) {
    throw new UsageError(`unknown check${unknown.length > 1 ? 's' : ''} ${unknown.map((n) => `'${n}'`).join(', ')}; valid checks: ${[...names].join(', ')}`);
  }
  const selected = available.filter((check) => (include === undefined || include.length === 0 || include.includes(check.name)) && !exclude.includes(check.name));
  if (selected.length === 0) throw new UsageError('no check left to run after --checks/--exclude-checks');
  return selected;
}
