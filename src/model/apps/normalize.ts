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
  // The mock hands over the operation's own response list, every entry keyed: it is read as it is
  // rather than copied entry by entry on every request.
  if (responses.every(isKeyed)) return { responses };
  return { responses: responses.flatMap((entry) => (isKeyed(entry) ? [{ key: entry.key }] : [])) };
}

function isKeyed(entry: unknown): entry is { key: string } {
  return isJsonObject(entry) && typeof entry['key'] === 'string';
}

function stringMap(value: unknown, lowerCase: boolean): Record<string, string> {
  // A map already in that shape (the mock's query and path parameters) is read as it is: a copy per
  // map per request was a tenth of a GET's allocation in a heap profile.
  if (isCleanMap(value, lowerCase)) return value;
  // A null prototype keeps lookups such as map['constructor'] from finding Object.prototype members.
  const out = Object.create(null) as Record<string, string>;
  if (!isJsonObject(value)) return out;
  for (const key of Object.keys(value)) {
    const item = value[key];
    if (typeof item === 'string') out[lowerCase ? key.toLowerCase() : key] = item;
  }
  return out;
}

/** A null-prototype object of string values (under lower-case names when `lowerCase`). */
function isCleanMap(value: unknown, lowerCase: boolean): value is Record<string, string> {
  if (!isJsonObject(value) || Object.getPrototypeOf(value) !== null) return false;
  for (const key in value) {
    if (typeof value[key] !== 'string' || (lowerCase && key !== key.toLowerCase())) return false;
  }
  return true;
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
