import type { OpenApiDocument, Operation } from '../../openapi/index.js';
import { collectionOf, statelessOf } from './collection-of.js';
import { attachCreators } from './creators.js';
import { readDeclaredLinks } from './declared-links.js';
import { findCollections, type CollectionDraft, type PathTable } from './find-collections.js';
import { attachItemRoute, itemRouteOf } from './item-routes.js';
import { createsItem } from './item-schema.js';
import { readExtensionOverrides } from './override-extension.js';
import { operationByKey } from './override-key.js';
import { mergeOverrides, overrideError, type ResourceOverrides } from './overrides.js';
import { isPrefixPath, segmentsOf } from './path-segments.js';
import { relateCollections } from './relate-collections.js';
import { SchemaReader, type Facet } from './schema-reader.js';
import { statelessReason } from './stateless-reason.js';
import type { ResourceCollection, ResourceMap, StatelessOperation } from './types.js';

/** What inference reads: a loaded document and its operations (a `LoadedSpec` fits). */
export interface ResourceSpec {
  document: OpenApiDocument;
  operations: readonly Operation[];
}

/**
 * Infers the resource map of a document from its path templates, methods, parameters and schemas,
 * corrected by the document's `x-everruns-contract-resource` members and then by `overrides`
 * (from `parseResourceOverrides`). Bad overrides throw (UsageError for the file, SpecError for the
 * document); nothing else does.
 */
export function inferResources(spec: ResourceSpec, overrides?: ResourceOverrides): ResourceMap {
  const reader = new SchemaReader(spec.document);
  const all = mergeOverrides(readExtensionOverrides(spec.document, spec.operations), overrides);
  const marked = markedStateless(spec.operations, all);
  checkCollectionPaths(spec.operations, all);
  const stateless: StatelessOperation[] = [];
  const active: Operation[] = [];
  for (const operation of spec.operations) {
    if (marked.has(operation)) stateless.push(statelessOf(operation, 'marked stateless by an override'));
    else active.push(operation);
  }
  const paths = pathTable(active);
  const drafts = findCollections(paths, all.collections, (operation, parent) => createsItem(reader, operation, parent));
  checkForcedCollections(drafts, all);
  const links = readDeclaredLinks(spec.document, spec.operations);
  const built = drafts.map((draft) => collectionOf(reader, draft, links, parameterFacet(reader, active, draft)));
  const collections = built.map((entry) => entry.collection);
  relateCollections(collections, all.collections);

  const claimed = new Set<string>();
  for (const { collection, stateless: left } of built) {
    for (const endpoint of Object.values(collection.roles)) claimed.add(`${endpoint.method} ${endpoint.path}`);
    for (const entry of left) claimed.add(`${entry.method} ${entry.path}`);
    stateless.push(...left);
  }
  const unplaced: Operation[] = [];
  for (const operation of active) {
    if (claimed.has(`${operation.method} ${operation.path}`)) continue;
    const route = itemRouteOf(collections, operation.path);
    if (route) attachItemRoute(reader, route, operation);
    else unplaced.push(operation);
  }
  const creators = attachCreators(reader, spec.document, collections, active, unplaced, all.operations);
  for (const operation of unplaced) {
    if (!creators.has(operation)) stateless.push(statelessOf(operation, statelessReason(collections, operation)));
  }
  stateless.push(...unservedReadOnly(collections));
  const order = new Map(spec.operations.map((operation, index) => [`${operation.method} ${operation.path}`, index]));
  stateless.sort((a, b) => order.get(`${a.method} ${a.path}`)! - order.get(`${b.method} ${b.path}`)!);
  return { version: 1, collections, stateless, links };
}

function pathTable(operations: readonly Operation[]): PathTable {
  const table = new Map<string, Map<string, Operation>>();
  for (const operation of operations) {
    let methods = table.get(operation.path);
    if (!methods) table.set(operation.path, (methods = new Map()));
    methods.set(operation.method, operation);
  }
  return table;
}

/** The operations an override marks stateless; an override naming no operation is an error. */
function markedStateless(operations: readonly Operation[], overrides: ResourceOverrides): Set<Operation> {
  const marked = new Set<Operation>();
  for (const [key, entry] of Object.entries(overrides.operations)) {
    const operation = operationByKey(operations, key);
    if (!operation) throw overrideError(entry.origin, `no operation ${JSON.stringify(key)} in the document (use an operationId or "METHOD /path")`);
    if (entry.stateless === true) marked.add(operation);
  }
  return marked;
}

function checkCollectionPaths(operations: readonly Operation[], overrides: ResourceOverrides): void {
  for (const [path, entry] of Object.entries(overrides.collections)) {
    const segments = segmentsOf(path);
    if (!operations.some((operation) => isPrefixPath(segments, segmentsOf(operation.path)))) {
      throw overrideError(entry.origin, `no path ${path} (nor any path below it) in the document`);
    }
  }
}

function checkForcedCollections(drafts: readonly CollectionDraft[], overrides: ResourceOverrides): void {
  const found = new Set(drafts.map((draft) => draft.path));
  for (const [path, entry] of Object.entries(overrides.collections)) {
    if (entry.collection === false || found.has(path)) continue;
    throw overrideError(
      entry.origin,
      entry.collection === true
        ? `${path} cannot be a collection: it has no operations of its own and no item path below it`
        : `${path} is not a collection (add "collection": true to make it one)`,
    );
  }
}

/** The id parameter's schema, from the first operation under the item path that declares it. */
function parameterFacet(reader: SchemaReader, operations: readonly Operation[], draft: CollectionDraft): Facet {
  const item = segmentsOf(draft.itemPath);
  for (const operation of operations) {
    if (!isPrefixPath(item, segmentsOf(operation.path))) continue;
    const parameter = operation.parameters.find((entry) => entry.in === 'path' && entry.name === draft.parameter);
    if (parameter) return reader.facet(parameter.schema);
  }
  return reader.facet(undefined);
}

/** A read-only collection with no writable ancestor could never hold an item: the document serves it. */
function unservedReadOnly(collections: readonly ResourceCollection[]): StatelessOperation[] {
  const byName = new Map(collections.map((collection) => [collection.name, collection]));
  const left: StatelessOperation[] = [];
  for (const collection of collections) {
    if (collection.writable || collection.ancestors.some((link) => byName.get(link.collection)?.writable)) continue;
    const reason = `collection ${collection.name} is read-only (no create or upsert), so it is served from the document alone`;
    const endpoints = [
      ...Object.values(collection.roles),
      ...collection.actions.map((action) => action.endpoint),
      ...collection.subResources.map((sub) => sub.endpoint),
    ];
    for (const endpoint of endpoints) left.push({ operationId: endpoint.operationId, method: endpoint.method, path: endpoint.path, reason });
  }
  return left;
}
