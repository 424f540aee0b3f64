import { parametersOf } from './path-segments.js';
import { recordKey } from './store.js';
import type { Endpoint, ResourceCollection } from './types.js';

/** Where a request points: the collection's scope values, and the item id for item-level routes. */
export interface Target {
  parents: Record<string, string>;
  scopeValues: string[];
  /** The item id (item-level routes), normalised to the collection's id format. */
  id: string | undefined;
  /** Path values in template order, for the ancestors' lookups. */
  values: string[];
}

const names = new WeakMap<Endpoint, string[]>();

/**
 * Reads the path values by position, not by name: a route below an item may name the item's
 * parameter differently (`/providers/{id}` beside `/providers/{provider_id}/models`), but the
 * first values are always the scope and the next one the item's id.
 */
export function targetOf(
  collection: ResourceCollection,
  endpoint: Endpoint,
  pathParams: Readonly<Record<string, string>>,
  byName: ReadonlyMap<string, ResourceCollection>,
): Target {
  let order = names.get(endpoint);
  if (!order) names.set(endpoint, (order = parametersOf(endpoint.path)));
  const values = order.map((name) => pathParams[name] ?? '');
  // An ancestor's id sits right after the ancestor's own scope; it is compared as that ancestor's ids are.
  for (const link of collection.ancestors) {
    const ancestor = byName.get(link.collection);
    const at = ancestor?.scope.length;
    if (ancestor && at !== undefined && at < values.length) values[at] = normaliseId(ancestor, values[at]!);
  }
  const scopeValues = values.slice(0, collection.scope.length);
  const parents: Record<string, string> = {};
  collection.scope.forEach((name, index) => (parents[name] = scopeValues[index]!));
  const raw = values[collection.scope.length];
  return { parents, scopeValues, id: raw === undefined ? undefined : normaliseId(collection, raw), values };
}

/** Integer ids are compared as numbers (`007` is item 7); other ids as written. */
export function normaliseId(collection: ResourceCollection, raw: string): string {
  if (collection.id.format.kind === 'integer' && /^[+-]?\d{1,15}$/.test(raw)) return String(Number(raw));
  return raw;
}

/** True when a record sits in the scope a target names (the same parents). */
export function inScope(collection: ResourceCollection, record: { parents: Readonly<Record<string, string>> }, target: Target): boolean {
  return collection.scope.every((name, index) => record.parents[name] === target.scopeValues[index]);
}

/** The key of the item a target names. */
export function targetKey(collection: ResourceCollection, target: Target, id: string): string {
  return recordKey(collection.name, target.scopeValues, id);
}

/** The key an ancestor's record has, from the (normalised) values of a path below it. */
export function ancestorKey(ancestor: ResourceCollection, values: readonly string[]): { key: string; id: string } {
  const id = values[ancestor.scope.length] ?? '';
  return { key: recordKey(ancestor.name, values.slice(0, ancestor.scope.length), id), id };
}
