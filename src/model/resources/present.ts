import { isObject } from './merge-patch.js';
import type { ResourceRecord } from './model-types.js';
import { withSelfLinks } from './server-fields.js';
import type { Endpoint, ResourceCollection } from './types.js';

/**
 * The body a client gets for a record: a copy of its representation without writeOnly members
 * (OAS 3.1 §4.8.24: never sent back), its self links on the request's own origin, and only the
 * members a closed response schema allows.
 */
export function present(collection: ResourceCollection, record: ResourceRecord, endpoint: Endpoint | undefined, origin: string | undefined): unknown {
  const body = structuredClone(record.representation);
  if (!isObject(body)) return body;
  for (const name of collection.item.writeOnly) delete body[name];
  if (origin !== undefined) withSelfLinks(collection, body, record.id, record.parents, origin);
  if (endpoint?.fields) {
    const allowed = new Set(endpoint.fields);
    for (const name of Object.keys(body)) if (!allowed.has(name)) delete body[name];
  }
  return body;
}
