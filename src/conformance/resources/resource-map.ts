import { isJsonMediaType } from '../../core/index.js';
import { inferResources, type ResourceCollection, type ResourceMap } from '../../model/resources/index.js';
import type { LoadedSpec, Operation } from '../../openapi/index.js';

/** True for an operation of this document that a domain plug-in serves, which the inferred resources leave to it. */
export type LeftToOthers = (spec: LoadedSpec, operation: Operation) => boolean;

/**
 * The resources inferred from a document as the mock infers them, the operations a domain plug-in
 * serves left out (the Apps routes), computed once per document.
 */
export function resourceMaps(leave: LeftToOthers): ResourceMapOf {
  const maps = new WeakMap<LoadedSpec, ResourceMap>();
  return (spec) => {
    let map = maps.get(spec);
    if (!map) {
      map = inferResources({ document: spec.document, operations: spec.operations.filter((operation) => !leave(spec, operation)) });
      maps.set(spec, map);
    }
    return map;
  };
}

/** The inferred resources of a document, as one source of sequences sees them. */
export type ResourceMapOf = (spec: LoadedSpec) => ResourceMap;

/** A collection the sequences can drive: create, read, learn the id, and reach its parents. */
export interface Sequenceable {
  collection: ResourceCollection;
  /** The collection whose items its items are created below (its direct parent), if any. */
  parent: ResourceCollection | undefined;
  /** The operations of its roles, by role. */
  operations: Partial<Record<'create' | 'read' | 'update' | 'replace' | 'delete' | 'list', Operation>>;
}

/**
 * The collections sequences may create items in: writable, with a create whose answer names the
 * new id and an item read, bodies the runner can send (JSON or none), and a scope the sequence
 * fills from its own items (a parent it created) or from `--var` alone, so that it touches only
 * what the run created or what the user named.
 */
export function sequenceableCollections(spec: LoadedSpec, map: ResourceMap, vars: Readonly<Record<string, string>>): Sequenceable[] {
  const byName = new Map(map.collections.map((collection) => [collection.name, collection]));
  const byId = new Map(spec.operations.map((operation) => [operation.id, operation]));
  const memo = new Map<string, Sequenceable | null>();
  const visit = (collection: ResourceCollection): Sequenceable | null => {
    if (memo.has(collection.name)) return memo.get(collection.name)!;
    memo.set(collection.name, null);
    const operations: Sequenceable['operations'] = {};
    for (const role of ['create', 'read', 'update', 'replace', 'delete', 'list'] as const) {
      const endpoint = collection.roles[role];
      const operation = endpoint && byId.get(endpoint.operationId);
      if (operation && sendable(operation)) operations[role] = operation;
    }
    // The new id is learned from the create's answer: the item it answers with, or its Location header.
    const create = collection.roles.create;
    const learnable = create !== undefined && ((create.body === 'item' && collection.id.field !== undefined) || create.location);
    const usable = collection.writable && operations.create && operations.read && learnable;
    const link = collection.ancestors[collection.ancestors.length - 1];
    const parentCollection = link ? byName.get(link.collection) : undefined;
    const parent = parentCollection && parentCollection.scope.length === collection.scope.length - 1 ? visit(parentCollection) : null;
    const scoped = collection.scope.length === 0 || collection.scope.every((name) => name in vars) || parent !== null;
    const entry =
      usable && scoped
        ? { collection, parent: parent && !collection.scope.every((name) => name in vars) ? parent.collection : undefined, operations }
        : null;
    memo.set(collection.name, entry);
    return entry;
  };
  return map.collections.map(visit).filter((entry): entry is Sequenceable => entry !== null);
}

// The runner sends JSON bodies (or none); a create that takes only forms or bytes is left out.
function sendable(operation: Operation): boolean {
  const content = operation.requestBody?.content ?? [];
  return content.length === 0 || content.some((media) => isJsonMediaType(media.mediaType));
}
