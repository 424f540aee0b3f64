import type { ItemPath } from './model-types.js';
import { isPrefixPath, joinSegments, parameterOf, segmentsOf } from './path-segments.js';
import type { Endpoint, ResourceCollection } from './types.js';

/** An item path above a route that no collection of the map holds: the template, and how many path values it takes. */
export interface OutsideParent {
  template: string;
  count: number;
}

const cache = new WeakMap<Endpoint, OutsideParent[]>();

/**
 * The item paths above an endpoint, within its collection's scope, that are no ancestor's item
 * path (`/v1/stores/{store_id}` above `/v1/stores/{store_id}/orders` when the stores are served
 * elsewhere). Whether their items exist is the environment's to say.
 */
export function outsideParents(
  collection: ResourceCollection,
  endpoint: Endpoint,
  collections: ReadonlyMap<string, ResourceCollection>,
): readonly OutsideParent[] {
  let found = cache.get(endpoint);
  if (found) return found;
  found = [];
  const segments = segmentsOf(endpoint.path);
  const ancestors = collection.ancestors.map((link) => segmentsOf(collections.get(link.collection)?.itemPath ?? ''));
  let count = 0;
  for (let index = 0; index < segments.length && count < collection.scope.length; index++) {
    if (parameterOf(segments[index]!) === undefined) continue;
    count += 1;
    const prefix = segments.slice(0, index + 1);
    const known = ancestors.some((item) => item.length === prefix.length && isPrefixPath(item, prefix));
    if (!known) found.push({ template: joinSegments(prefix), count });
  }
  cache.set(endpoint, found);
  return found;
}

/** The path an outside parent names, its values filled in (for a problem's detail). */
export function outsidePath(parent: OutsideParent, values: readonly string[]): ItemPath & { path: string } {
  const taken = values.slice(0, parent.count);
  let index = 0;
  const path = parent.template.replace(/\{[^{}]+\}/g, () => encodeURIComponent(taken[index++] ?? ''));
  return { template: parent.template, values: taken, path };
}
