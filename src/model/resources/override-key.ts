import type { Operation } from '../../openapi/index.js';

/** The operation an override's key names: its operationId, or `METHOD /path` (the method in any case). */
export function operationByKey(operations: readonly Operation[], key: string): Operation | undefined {
  const [method = '', ...rest] = key.trim().split(/\s+/);
  const route = `${method.toUpperCase()} ${rest.join(' ')}`;
  return operations.find((candidate) => candidate.id === key || `${candidate.method} ${candidate.path}` === route);
}
