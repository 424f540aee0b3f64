import { overrideError, type CollectionOverride, type OverrideOrigin } from './overrides.js';
import { isLiteral, isPrefixPath, parameterOf, parametersOf, segmentsOf } from './path-segments.js';
import type { ResourceCollection } from './types.js';

/**
 * Links collections to the ones they nest in (a collection whose item path prefixes this one's
 * path is an ancestor; the parameter is named as this path names it) and gives each a unique name:
 * its last literal segment, qualified by its parent's name when several collections share it
 * (`memories.fs` beside `workspaces.fs`), or by its whole literal path when none has a parent
 * (the one of them with no path parameter at all keeps the short name).
 */
export function relateCollections(
  collections: ResourceCollection[],
  overrides: Readonly<Record<string, CollectionOverride & { origin: OverrideOrigin }>>,
): void {
  const parents = new Map<ResourceCollection, ResourceCollection[]>();
  for (const collection of collections) {
    const own = segmentsOf(collection.path);
    const above = collections
      .filter((other) => other !== collection && isPrefixPath(segmentsOf(other.itemPath), own))
      .sort((a, b) => segmentsOf(a.itemPath).length - segmentsOf(b.itemPath).length);
    parents.set(collection, above);
    collection.scope = parametersOf(collection.path);
  }
  const preferred = new Map(collections.map((collection) => [collection, lastLiteral(collection.path)]));
  const uses = new Map<string, number>();
  const topLevelUses = new Map<string, number>();
  const plainUses = new Map<string, number>();
  for (const collection of collections) {
    const name = preferred.get(collection)!;
    uses.set(name, (uses.get(name) ?? 0) + 1);
    if (parents.get(collection)!.length > 0) continue;
    topLevelUses.set(name, (topLevelUses.get(name) ?? 0) + 1);
    if (collection.scope.length === 0) plainUses.set(name, (plainUses.get(name) ?? 0) + 1);
  }
  const taken = new Map<string, ResourceCollection>();
  // Names chosen by an override are claimed first, so an inferred name steps aside for them.
  for (const collection of collections) {
    const override = overrides[collection.path];
    if (override?.name === undefined) continue;
    const holder = taken.get(override.name);
    if (holder) throw overrideError(override.origin, `name ${JSON.stringify(override.name)} is already the name of ${holder.path}`);
    taken.set(override.name, collection);
    collection.name = override.name;
  }
  for (const collection of collections.slice().sort((a, b) => parents.get(a)!.length - parents.get(b)!.length)) {
    if (overrides[collection.path]?.name !== undefined) continue;
    const above = parents.get(collection)!;
    const parent = above[above.length - 1];
    let name = preferred.get(collection)!;
    if (uses.get(name)! > 1) {
      if (parent) name = `${parent.name}.${literalsBetween(parent.itemPath, collection.path)}`;
      // The one plain top-level collection of a name keeps it beside top-level ones below parameters
      // the map knows nothing of (`sessions` beside `v1.apps.api.sessions`).
      else if (topLevelUses.get(name)! > 1 && !(collection.scope.length === 0 && plainUses.get(name) === 1)) {
        name = segmentsOf(collection.path).filter(isLiteral).join('.');
      }
    }
    name = unique(name, taken);
    taken.set(name, collection);
    collection.name = name;
  }
  for (const collection of collections) {
    const own = segmentsOf(collection.path);
    collection.ancestors = parents.get(collection)!.map((ancestor) => ({
      collection: ancestor.name,
      parameter: parameterOf(own[segmentsOf(ancestor.itemPath).length - 1]!)!,
    }));
  }
}

function lastLiteral(path: string): string {
  const literals = segmentsOf(path).filter(isLiteral);
  return literals[literals.length - 1] ?? 'root';
}

function literalsBetween(itemPath: string, path: string): string {
  return segmentsOf(path).slice(segmentsOf(itemPath).length).filter(isLiteral).join('.');
}

function unique(name: string, taken: ReadonlyMap<string, unknown>): string {
  if (!taken.has(name)) return name;
  let index = 2;
  while (taken.has(`${name}-${index}`)) index++;
  return `${name}-${index}`;
}
