import { routeShape } from '../../openapi/index.js';
import { APPS_OPERATION_IDS, OPERATIONS } from './operations.js';
import type { AppsOperationId } from './types.js';

/** What the binding reads of a document's operation (an `Operation` fits). */
export interface RoutedOperation {
  method: string;
  path: string;
}

/** A document's operation bound to an Apps operation: its name, and its path parameters renamed as the model reads them. */
export interface AppsRoute<O extends RoutedOperation = RoutedOperation> {
  name: AppsOperationId;
  operation: O;
  /** The path parameters under the model's names (`{id}` in the document is the model's `app_id`). */
  rename(pathParams: Readonly<Record<string, string>>): Record<string, string>;
}

/**
 * The routes without which the Apps rules have nothing to stand on: an app can be created, read
 * and published. A document declaring them gets the Apps layer for every Apps route it declares;
 * one lacking any of them is served by the generic engine alone.
 */
export const REQUIRED_APPS_OPERATIONS: readonly AppsOperationId[] = ['create_app', 'get_app', 'publish_app'];

const parametersOf = (path: string) => [...path.matchAll(/\{([^{}]+)\}/g)].map((match) => match[1]!);

const BY_SHAPE = new Map(
  APPS_OPERATION_IDS.map((name) => {
    const [method, path] = OPERATIONS[name].route.split(' ') as [string, string];
    return [routeShape(method, path), { name, parameters: parametersOf(path) }] as const;
  }),
);

// Asked on every request the Apps layer serves; the binding of an operation never changes, and
// building it (a regex walk of the template) was 4 % of a GET app's allocations.
const bound = new WeakMap<RoutedOperation, AppsRoute | null>();

/** The Apps operation a document's operation is, by method and path template; undefined for any other. */
export function appsRouteOf<O extends RoutedOperation>(operation: O): AppsRoute<O> | undefined {
  let route = bound.get(operation);
  if (route === undefined) bound.set(operation, (route = bindRoute(operation) ?? null));
  return (route ?? undefined) as AppsRoute<O> | undefined;
}

function bindRoute<O extends RoutedOperation>(operation: O): AppsRoute<O> | undefined {
  const known = BY_SHAPE.get(routeShape(operation.method, operation.path));
  if (!known) return undefined;
  const names = parametersOf(operation.path);
  return {
    name: known.name,
    operation,
    rename(pathParams) {
      // A null prototype, the shape the model reads without copying.
      const out = Object.create(null) as Record<string, string>;
      for (let index = 0; index < names.length; index++) {
        const value = pathParams[names[index]!];
        if (value !== undefined) out[known.parameters[index]!] = value;
      }
      return out;
    },
  };
}

/**
 * The Apps routes a document declares, by name, when it declares every required one (the Apps
 * rules then speak for those routes, in the mock and in the runner); undefined otherwise.
 */
export function bindAppsRoutes<O extends RoutedOperation>(
  operations: readonly O[],
): ReadonlyMap<AppsOperationId, AppsRoute<O>> | undefined {
  const bound = new Map<AppsOperationId, AppsRoute<O>>();
  for (const operation of operations) {
    const route = appsRouteOf(operation);
    if (route && !bound.has(route.name)) bound.set(route.name, route);
  }
  return REQUIRED_APPS_OPERATIONS.every((name) => bound.has(name)) ? bound : undefined;
}
