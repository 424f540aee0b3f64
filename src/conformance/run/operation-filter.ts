import { UsageError } from '../../core/index.js';
import type { Operation } from '../../openapi/index.js';

/**
 * Which operations a run generates for (Schemathesis' `--include-*` / `--exclude-*`): an operation
 * is kept when it matches every include kind given (any value of each) and no exclude. A path ends
 * in `*` to match as a prefix (`/v1/apps/*`); otherwise it is the document's path template.
 */
export interface OperationFilter {
  includeOperationIds?: readonly string[];
  includePaths?: readonly string[];
  includeTags?: readonly string[];
  excludeOperationIds?: readonly string[];
  excludePaths?: readonly string[];
  excludeTags?: readonly string[];
}

/** The operations the filter keeps; a filter that keeps none, or names an operationId the document lacks, is a UsageError. */
export function filterOperations(operations: readonly Operation[], filter: OperationFilter | undefined): Operation[] {
  if (!filter || isEmpty(filter)) return [...operations];
  const named = [...(filter.includeOperationIds ?? []), ...(filter.excludeOperationIds ?? [])];
  const unknown = named.filter((id) => !operations.some((operation) => operation.id === id));
  if (unknown.length > 0) throw new UsageError(`no operation ${unknown.map((id) => `'${id}'`).join(', ')} in the document`);
  const kept = operations.filter(
    (operation) =>
      includes(filter.includeOperationIds, (id) => operation.id === id) &&
      includes(filter.includePaths, (path) => pathMatches(path, operation.path)) &&
      includes(filter.includeTags, (tag) => operation.tags.includes(tag)) &&
      !filter.excludeOperationIds?.includes(operation.id) &&
      !filter.excludePaths?.some((path) => pathMatches(path, operation.path)) &&
      !filter.excludeTags?.some((tag) => operation.tags.includes(tag)),
  );
  if (kept.length === 0) throw new UsageError('the operation filters leave no operation to run');
  return kept;
}

/** True when the filter gives no condition at all. */
export function isEmpty(filter: OperationFilter): boolean {
  return Object.values(filter).every((values) => values === undefined || values.length === 0);
}

function includes(values: readonly string[] | undefined, matches: (value: string) => boolean): boolean {
  return values === undefined || values.length === 0 || values.some(matches);
}

function pathMatches(pattern: string, path: string): boolean {
  return pattern.endsWith('*') ? path.startsWith(pattern.slice(0, -1)) : path === pattern;
}
