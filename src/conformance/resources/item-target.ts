import type { ResourceCollection, ResourceRoute } from '../../model/resources/index.js';

/** Where a request points, read as the model reads it: the scope values by position, and the item id on item routes. */
export interface ItemTarget {
  parents: Record<string, string>;
  /** The item id (item routes), normalised as the model compares ids; undefined on the collection's own path. */
  id: string | undefined;
}

const parametersOf = (path: string) => [...path.matchAll(/\{([^{}]+)\}/g)].map((match) => match[1]!);

/** The target of a routed request (a route below an item may name the item's parameter otherwise). */
export function itemTarget(route: ResourceRoute, pathParams: Readonly<Record<string, string>>): ItemTarget {
  const { collection } = route;
  const values = parametersOf(route.endpoint.path).map((name) => pathParams[name] ?? '');
  const parents: Record<string, string> = {};
  collection.scope.forEach((name, index) => (parents[name] = values[index]!));
  const raw = route.kind === 'create' || route.kind === 'list' ? undefined : values[collection.scope.length];
  return { parents, id: raw === undefined ? undefined : normalisedId(collection, raw) };
}

/** Integer ids compare as numbers (`007` is item 7), as the model compares them. */
export function normalisedId(collection: ResourceCollection, raw: string): string {
  return collection.id.format.kind === 'integer' && /^[+-]?\d{1,15}$/.test(raw) ? String(Number(raw)) : raw;
}

/** The path of an item: its collection's item path filled with its parents' ids and its own. */
export function itemPath(collection: ResourceCollection, id: string, parents: Readonly<Record<string, string>>): string {
  const values: Record<string, string> = { ...parents, [collection.id.parameter]: id };
  return collection.itemPath.replace(/\{([^{}]+)\}/g, (whole, name: string) =>
    name in values ? encodeURIComponent(values[name]!) : whole,
  );
}

/** The path of a collection below these parents. */
export function collectionPath(collection: ResourceCollection, parents: Readonly<Record<string, string>>): string {
  return collection.path.replace(/\{([^{}]+)\}/g, (whole, name: string) => (name in parents ? encodeURIComponent(parents[name]!) : whole));
}
