import { deepFreeze } from '../../core/index.js';
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

// Records are immutable (every change stores a new one), so the body of an item read again and
// again can be kept with its record: the copy (structuredClone was a sixth of a GET's time) is made
// once per version, and the shared body lets the mock keep its checked and serialised forms too.
// Only reads fill this bounded cache, as the Apps model's does, so 100,000 items written cost no
// second copy each.
const READ_CACHE_LIMIT = 1024;
const readCache = new Map<ResourceRecord, { endpoint: Endpoint; origin: string | undefined; body: unknown }>();

/** {@link present} for repeated reads of an item; the body is shared and frozen, never to be mutated. */
export function presentForRead(collection: ResourceCollection, record: ResourceRecord, endpoint: Endpoint, origin: string | undefined): unknown {
  const known = readCache.get(record);
  if (known && known.endpoint === endpoint && known.origin === origin) return known.body;
  const body = deepFreeze(present(collection, record, endpoint, origin));
  if (readCache.size >= READ_CACHE_LIMIT) readCache.delete(readCache.keys().next().value!);
  readCache.set(record, { endpoint, origin, body });
  return body;
}
