import type { Operation } from '../../openapi/index.js';
import { isPrefixPath, segmentsOf } from './path-segments.js';
import type { ResourceCollection } from './types.js';

/** Why an operation that fits no role, action or sub-resource is left to the document alone. */
export function statelessReason(collections: readonly ResourceCollection[], operation: Operation): string {
  const segments = segmentsOf(operation.path);
  const method = operation.method;
  const onCollection = collections.find((collection) => samePath(segmentsOf(collection.path), segments));
  if (onCollection) return `${method} on the collection path of ${onCollection.name} is no collection role (a bulk change the model does not follow)`;
  const onItem = collections.find((collection) => samePath(segmentsOf(collection.itemPath), segments));
  if (onItem) return `${method} on the item path of ${onItem.name} is no collection role`;
  const belowItem = deepest(collections.filter((collection) => isPrefixPath(segmentsOf(collection.itemPath), segments)), 'itemPath');
  if (belowItem) return `the path has parameters beyond the item of ${belowItem.name}, which the model does not follow`;
  const beside = deepest(collections.filter((collection) => isPrefixPath(segmentsOf(collection.path), segments)), 'path');
  if (beside) return `a route beside collection ${beside.name}; what it does to the state is unknown`;
  return 'not part of any collection';
}

function samePath(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && isPrefixPath(a, b);
}

function deepest(collections: readonly ResourceCollection[], key: 'path' | 'itemPath'): ResourceCollection | undefined {
  let best: ResourceCollection | undefined;
  for (const collection of collections) {
    if (!best || segmentsOf(collection[key]).length > segmentsOf(best[key]).length) best = collection;
  }
  return best;
}
