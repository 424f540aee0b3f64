import { essence, isJsonMediaType, mediaTypeMatches, type RequestFacts } from '../../core/index.js';
import type { AppsOperationId, AppsRequest } from '../../model/apps/index.js';
import { toProblemErrors, validateRequest, type SpecValidator } from '../../validation/index.js';
import type { Routed } from './route.js';

/**
 * The request as the Apps model sees it, decoded and validated against the spec exactly as a
 * spec-driven server does first, so the oracle ranks schema errors where the contract does.
 */
export function toAppsRequest(validator: SpecValidator, routed: Routed, facts: RequestFacts): AppsRequest {
  const { operation, pathParams } = routed;
  const query = new URLSearchParams(facts.query);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(facts.headers)) headers[name.toLowerCase()] = value;
  const raw = facts.body && facts.body.length > 0 ? facts.body : undefined;
  const type = essence(headers['content-type']) ?? 'application/octet-stream';
  const declared = operation.requestBody?.content ?? [];
  const media = declared.find((entry) => essence(entry.mediaType) === type) ?? declared.find((entry) => mediaTypeMatches(entry.mediaType, type));
  let value: unknown = raw;
  if (raw && isJsonMediaType(type)) {
    try {
      value = JSON.parse(raw.toString('utf8'));
    } catch {
      value = undefined;
    }
  }
  const body = raw && media ? { media, value } : undefined;
  const validation = validateRequest(validator, operation, { pathParams, query, headers, body });
  const first: Record<string, string | undefined> = {};
  for (const [name, item] of query) if (!(name in first)) first[name] = item;
  return {
    operationId: operation.id as AppsOperationId,
    path: facts.path,
    pathParams,
    query: first,
    headers,
    body: Buffer.isBuffer(value) ? undefined : value,
    rawBody: raw,
    violations: toProblemErrors(validation.violations),
  };
}
