import type { OpenApiDocument, Operation } from '../../openapi/index.js';
import { bodyKindOf, endpointOf } from './endpoint.js';
import { ItemMatcher } from './item-matcher.js';
import { operationByKey } from './override-key.js';
import { overrideError, type OperationOverride, type OverrideOrigin } from './overrides.js';
import { isLiteral, isPrefixPath, parametersOf, segmentsOf } from './path-segments.js';
import { routeKey } from './route-table.js';
import type { SchemaReader } from './schema-reader.js';
import { CREATE_STATUSES, successResponse } from './success-response.js';
import type { ResourceCollection } from './types.js';

type OperationOverrides = Readonly<Record<string, OperationOverride & { origin: OverrideOrigin }>>;

interface Forced {
  target: ResourceCollection | undefined;
  once: boolean | undefined;
  origin: OverrideOrigin;
}

/**
 * Attaches the routes that create items of a collection other than its own create: a POST whose
 * success answers exactly that collection's item (see `ItemMatcher`), where it is a route beside
 * the items below the collection's path (`POST /v1/agents/import`, `POST /v1/sessions/chat`), or a
 * create role answering another collection's item rather than its own (`POST /v1/capabilities`
 * answers a declarative capability, so it creates one), whose path carries that collection's scope.
 * Overrides name the collection an operation creates (`creates`) and its effect (`once`). Returns
 * the operations of `unplaced` now served.
 */
export function attachCreators(
  reader: SchemaReader,
  document: OpenApiDocument,
  collections: readonly ResourceCollection[],
  operations: readonly Operation[],
  unplaced: readonly Operation[],
  overrides: OperationOverrides,
): Set<Operation> {
  const matcher = new ItemMatcher(reader, document, collections);
  const byRoute = new Map(operations.map((operation) => [routeKey(operation), operation]));
  const forced = forcedCreators(operations, collections, overrides);
  const placed = new Set<Operation>();
  const place = (operation: Operation, target: ResourceCollection) => {
    const entry = forced.get(operation);
    const success = successResponse(operation, CREATE_STATUSES);
    const body = bodyKindOf(reader, success, { fields: target.item.fields, idField: target.id.field });
    // RFC 9110 §15.3.2: a route that made something says 201; one that only ever says 200 hands out
    // an item that may exist already, as a get-or-create does.
    const once = entry?.once ?? success.status === 200;
    const source = entry ? 'override' : 'inferred';
    target.creators.push({ endpoint: endpointOf(reader, operation, success, body, true), effect: once ? 'once' : 'create', source });
    target.writable = true;
    placed.add(operation);
  };
  for (const [operation, entry] of forced) {
    if (!entry.target) continue;
    checkForced(operation, entry.target, entry.origin);
    detach(collections, operation);
    place(operation, entry.target);
  }
  for (const collection of collections) {
    const create = collection.roles.create;
    const operation = create && byRoute.get(routeKey(create));
    if (!operation || create.body !== 'other' || placed.has(operation)) continue;
    const target = matcher.collectionOf(successResponse(operation, CREATE_STATUSES).schema, operation.path);
    if (!target || target === collection || !carriesScope(operation, target)) continue;
    detach(collections, operation);
    place(operation, target);
  }
  // Routes below a collection's path: beside its items, or below a parent item (`/stores/{id}/items/import`
  // is an action of the store answering something else than the store).
  const actions = collections.flatMap((collection) =>
    collection.actions.filter((action) => action.endpoint.body === 'other').map((action) => byRoute.get(routeKey(action.endpoint))!),
  );
  for (const operation of [...unplaced, ...actions]) {
    if (operation.method !== 'POST' || placed.has(operation)) continue;
    const target = matcher.collectionOf(successResponse(operation, CREATE_STATUSES).schema, operation.path);
    if (!target || !besidePath(operation, target)) continue;
    detach(collections, operation);
    place(operation, target);
  }
  for (const [operation, entry] of forced) {
    if (!placed.has(operation))
      throw overrideError(
        entry.origin,
        `"once" is for a route that creates items, and ${operation.method} ${operation.path} creates none (name the collection with "creates")`,
      );
  }
  return new Set(unplaced.filter((operation) => placed.has(operation)));
}

function forcedCreators(
  operations: readonly Operation[],
  collections: readonly ResourceCollection[],
  overrides: OperationOverrides,
): Map<Operation, Forced> {
  const forced = new Map<Operation, Forced>();
  for (const [key, entry] of Object.entries(overrides)) {
    if (entry.creates === undefined && entry.once === undefined) continue;
    const operation = operationByKey(operations, key);
    // Inference never saw it: another entry marks it stateless.
    if (!operation) throw overrideError(entry.origin, `${JSON.stringify(key)} is marked stateless by another entry, so it creates nothing`);
    const target = entry.creates === undefined ? undefined : collections.find((collection) => collection.path === entry.creates);
    if (entry.creates !== undefined && !target)
      throw overrideError(entry.origin, `"creates": no collection at ${entry.creates} in the map`);
    forced.set(operation, { target, once: entry.once, origin: entry.origin });
  }
  return forced;
}

function checkForced(operation: Operation, target: ResourceCollection, origin: OverrideOrigin): void {
  if (operation.method !== 'POST')
    throw overrideError(origin, `"creates": only a POST creates items, not ${operation.method} ${operation.path}`);
  if (target.roles.create && routeKey(target.roles.create) === routeKey(operation)) {
    throw overrideError(origin, `"creates": ${operation.method} ${operation.path} is the create of ${target.name} already`);
  }
  if (!carriesScope(operation, target)) {
    const scope = target.scope.length === 0 ? 'no parameters' : `exactly ${target.scope.join(', ')}`;
    throw overrideError(origin, `"creates": ${operation.path} must name ${scope} as ${target.path} does`);
  }
}

/**
 * The model reads a record's scope from the route's path values by position, so the route must
 * start like the collection's path; and it names nothing else: a parameter more may name the item
 * the route acts on (`/members/{u}/codespaces/{name}/stop`, a POST on an item path).
 */
function carriesScope(operation: Operation, collection: ResourceCollection): boolean {
  if (parametersOf(operation.path).length !== collection.scope.length) return false;
  const segments = segmentsOf(collection.path);
  let last = segments.length - 1;
  while (last >= 0 && isLiteral(segments[last]!)) last--;
  return isPrefixPath(segments.slice(0, last + 1), segmentsOf(operation.path));
}

/**
 * The route extends the collection's path by one literal segment (`/v1/agents/import`): it sits
 * where an item would, beside the items. Deeper literal routes (`/fs/_/copy`, `/fs/_/move`) act on
 * items named in their body, as `findCollections` reads them below an item.
 */
function besidePath(operation: Operation, collection: ResourceCollection): boolean {
  const own = segmentsOf(collection.path);
  const segments = segmentsOf(operation.path);
  return segments.length === own.length + 1 && isPrefixPath(own, segments) && isLiteral(segments[own.length]!);
}

/** Takes the operation away from the role or action it had: a create role moved over leaves its collection read-only unless it has other writers. */
function detach(collections: readonly ResourceCollection[], operation: Operation): void {
  const key = routeKey(operation);
  for (const collection of collections) {
    if (collection.roles.create && routeKey(collection.roles.create) === key) {
      delete collection.roles.create;
      collection.writable = collection.upsert || collection.creators.length > 0;
    }
    const at = collection.actions.findIndex((action) => routeKey(action.endpoint) === key);
    if (at >= 0) collection.actions.splice(at, 1);
  }
}
