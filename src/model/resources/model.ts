import { action } from './action.js';
import { create } from './create.js';
import { remove } from './delete.js';
import type { Handler, HandlerContext } from './handler-context.js';
import { answer } from './handler-context.js';
import { list } from './list.js';
import type { ResourceEnvironment, ResourceModel, ResourceOutcome, ResourceRequest, ResourceRoute, ResourceSnapshot } from './model-types.js';
import { outsideParents, outsidePath } from './outside-parents.js';
import { outsideParentNotFound, parentNotFound, problem, unchanged } from './problems.js';
import { read, subResource } from './read.js';
import { replace } from './replace.js';
import { buildRouteTable, routeKey } from './route-table.js';
import { ancestorKey, normaliseId, targetOf } from './scope.js';
import { restoreStore } from './snapshot.js';
import { recordKey, ResourceStore } from './store.js';
import type { ResourceCollection, ResourceMap } from './types.js';
import { update } from './update.js';

/** Every kind of route and the handler that serves it. */
const HANDLERS: Readonly<Record<ResourceRoute['kind'], Handler>> = {
  create,
  list,
  read,
  update,
  replace,
  delete: remove,
  action,
  'sub-resource': subResource,
};

/**
 * Creates the state machine of an inferred resource map, empty or restored from a snapshot (which
 * is validated first: a malformed record throws a UsageError naming it).
 */
export function createResourceModel(map: ResourceMap, env: ResourceEnvironment, snapshot?: ResourceSnapshot): ResourceModel {
  const routes = buildRouteTable(map);
  const collections = new Map(map.collections.map((collection) => [collection.name, collection]));
  const store = snapshot === undefined ? new ResourceStore() : restoreStore(collections, snapshot);
  return {
    map,
    route: (operation) => routes.get(routeKey(operation)),
    handle: (request) => handle(env, store, routes, collections, request),
    exportSnapshot: () => store.snapshot(),
    find(name, id, parents = {}) {
      const collection = collections.get(name);
      if (!collection) return undefined;
      const values = collection.scope.map((parameter) => parents[parameter] ?? '');
      const record = store.get(name, recordKey(name, values, normaliseId(collection, id)));
      return record && structuredClone(record);
    },
  };
}

function handle(
  env: ResourceEnvironment,
  store: ResourceStore,
  routes: ReadonlyMap<string, ResourceRoute>,
  collections: ReadonlyMap<string, ResourceCollection>,
  request: ResourceRequest,
): ResourceOutcome {
  try {
    const route = routes.get(routeKey(request.operation));
    if (!route) return unchanged(problem(404, 'route_not_found', `The resource model does not serve ${routeKey(request.operation)}.`));
    const { collection } = route;
    const target = targetOf(collection, route.endpoint, request.pathParams, collections);
    for (const link of collection.ancestors) {
      const ancestor = collections.get(link.collection);
      // Only a writable ancestor holds records; a read-only one could never be found.
      if (!ancestor?.writable) continue;
      const { key, id } = ancestorKey(ancestor, target.values);
      if (!store.get(ancestor.name, key)) return unchanged(parentNotFound(ancestor, id));
    }
    if (env.itemExists) {
      for (const parent of outsideParents(collection, route.endpoint, collections)) {
        const { path, ...item } = outsidePath(parent, target.values);
        if (env.itemExists(item) === false) return unchanged(outsideParentNotFound(path));
      }
    }
    const ctx: HandlerContext = { env, store, request, route, collection, collections, target, now: env.now().toISOString() };
    // A read-only collection below a writable parent exists while the parent does; the document answers for it.
    if (!collection.writable) return unchanged(answer(ctx, route.endpoint, undefined));
    return HANDLERS[route.kind](ctx);
  } catch (error) {
    // A bug must not take the server down; handlers store a record only after building it, so a
    // throw leaves the state as it was.
    const detail = error instanceof Error ? error.message : String(error);
    return unchanged(problem(500, 'internal_error', `The resource model failed: ${detail}`));
  }
}
