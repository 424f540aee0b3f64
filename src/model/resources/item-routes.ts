import type { Operation } from '../../openapi/index.js';
import { bodyKindOf, endpointOf } from './endpoint.js';
import { isLiteral, isPrefixPath, segmentsOf } from './path-segments.js';
import type { SchemaReader } from './schema-reader.js';
import { DELETE_STATUSES, READ_STATUSES, successResponse } from './success-response.js';
import type { ResourceCollection } from './types.js';

/** The collection whose item path an operation extends with literal segments only, and that suffix. */
export interface ItemRoute {
  collection: ResourceCollection;
  suffix: string;
}

/** Finds the deepest item path that `path` extends by literal segments (`/v1/agents/{agent_id}` + `stats`). */
export function itemRouteOf(collections: readonly ResourceCollection[], path: string): ItemRoute | undefined {
  const segments = segmentsOf(path);
  let best: { collection: ResourceCollection; length: number } | undefined;
  for (const collection of collections) {
    const item = segmentsOf(collection.itemPath);
    if (item.length >= segments.length || !isPrefixPath(item, segments)) continue;
    if (!segments.slice(item.length).every(isLiteral)) continue;
    if (!best || item.length > best.length) best = { collection, length: item.length };
  }
  return best && { collection: best.collection, suffix: segments.slice(best.length).join('/') };
}

/**
 * Attaches an operation under an item: a POST is an action (`publish`, `copy`), anything else a
 * sub-resource that exists while its item does (`stats`, `pin`). An action answering 201 with the
 * item made a sibling, which the model stores as a copy (RFC 9110 §15.3.2).
 */
export function attachItemRoute(reader: SchemaReader, route: ItemRoute, operation: Operation): void {
  const { collection, suffix } = route;
  const outline = { fields: collection.item.fields, idField: collection.id.field };
  if (operation.method === 'POST') {
    const success = successResponse(operation, READ_STATUSES);
    const body = bodyKindOf(reader, success, outline);
    const effect = success.status === 201 && body === 'item' ? 'copy' : 'none';
    collection.actions.push({ name: suffix, endpoint: endpointOf(reader, operation, success, body), effect });
    return;
  }
  const success = successResponse(operation, operation.method === 'DELETE' ? DELETE_STATUSES : READ_STATUSES);
  collection.subResources.push({ name: suffix, endpoint: endpointOf(reader, operation, success, bodyKindOf(reader, success, outline)) });
}
