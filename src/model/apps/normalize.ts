import type { ProblemError } from '../../core/index.js';
import { isJsonObject } from '../../core/index.js';
import type { AppsOperationId, AppsRequest } from './types.js';

/**
 * Coerces a request that may come from raw data (the conformance oracle, fuzzing) into the shape
 * the handlers assume: string maps without prototype surprises, a string path, a violations array.
 * Non-string parameter values are dropped, which the checks then treat as absent or malformed.
 */
export function normalizeRequest(raw: unknown): AppsRequest {
  const request = isJsonObject(raw) ? raw : {};
  return {
    operationId: (typeof request['operationId'] === 'string' ? request['operationId'] : '') as AppsOperationId,
    path: typeof request['path'] === 'string' ? request['path'] : '',
    origin: typeof request['origin'] === 'string' ? request['origin'] : undefined,
    pathParams: stringMap(request['pathParams'], false),
    query: stringMap(request['query'], false),
    headers: stringMap(request['headers'], true),
    body: request['body'],
    rawBody: rawBodyOf(request['rawBody']),
    violations: violationsOf(request['violations']),
    declared: declaredOf(request['declared']),
  };
}

// Only a list of response keys is read; anything else means "spec/'s statuses stand".
function declaredOf(value: unknown): AppsRequest['declared'] {
  const responses = isJsonObject(value) ? value['responses'] : undefined;
  if (!Array.isArray(responses)) return undefined;
  return {
    responses: responses.flatMap((entry) => (isJsonObject(entry) && typeof entry['key'] === 'string' ? [{ key: entry['key'] }] : [])),
  };
}

function stringMap(value: unknown, lowerCase: boolean): Record<string, string> {
  // A null prototype keeps lookups such as map['constructor'] from finding Object.prototype members.
  const out = Object.create(null) as Record<string, string>;
  if (!isJsonObject(value)) return out;
  for (const [key, item] of Object.entries(value)) {
    if (typeof item === 'string') out[lowerCase ? key.toLowerCase() : key] = item;
  }
  return out;
}

function rawBodyOf(value: unknown): Buffer | undefined {
  if (Buffer.isBuffer(value)) return value;
  return value instanceof Uint8Array ? Buffer.from(value) : undefined;
}

function violationsOf(value: unknown): ProblemError[] {
  if (!Array.isArray(value)) return [];
  const out: ProblemError[] = [];
  for (const item of value) {
    if (!isJsonObject(item)) continue;
    out.push({
      pointer: typeof item['pointer'] === 'string' ? item['pointer'] : '',
      detail: typeof item['detail'] === 'string' ? item['detail'] : 'is invalid',
    });
  }
  return out;
}
