import type { ResourceRoute } from './model-types.js';
import { COLLECTION_ROLES, type ResourceMap } from './types.js';

/** The dispatch table: `METHOD /path` → how the model serves it. Stateless operations are absent. */
export function buildRouteTable(map: ResourceMap): Map<string, ResourceRoute> {
  const stateless = new Set(map.stateless.map((entry) => routeKey(entry)));
  const table = new Map<string, ResourceRoute>();
  const add = (route: ResourceRoute) => {
    const key = routeKey(route.endpoint);
    if (!stateless.has(key)) table.set(key, route);
  };
  for (const collection of map.collections) {
    for (const role of COLLECTION_ROLES) {
      const endpoint = collection.roles[role];
      if (endpoint) add({ kind: role, collection, endpoint });
    }
    for (const creator of collection.creators) add({ kind: 'create', collection, endpoint: creator.endpoint, creator });
    for (const action of collection.actions) add({ kind: 'action', collection, endpoint: action.endpoint, action });
    for (const sub of collection.subResources) add({ kind: 'sub-resource', collection, endpoint: sub.endpoint });
  }
  return table;
}

/** The key of an operation in the table. */
export function routeKey(operation: { method: string; path: string }): string {
  return `${operation.method.toUpperCase()} ${operation.path}`;
}
