import { isJsonMediaType } from '../../../core/index.js';
import { bindAppsRoutes, type AppsOperationId, type AppsRoute } from '../../../model/apps/index.js';
import type { LoadedSpec, Operation } from '../../../openapi/index.js';

/** What the commands can use of the document: the Apps routes it declares, and whether its webhook takes JSON. */
export interface AppsRoutesDeclared {
  has(name: AppsOperationId): boolean;
  /** False where the webhook declares only other media types (the platform's: application/octet-stream). */
  webhookTakesJson: boolean;
}

const bindings = new WeakMap<LoadedSpec, ReadonlyMap<AppsOperationId, AppsRoute<Operation>>>();

/** The Apps routes of a document, bound once per loaded document (empty when it lacks the required ones). */
export function appsRoutes(spec: LoadedSpec): ReadonlyMap<AppsOperationId, AppsRoute<Operation>> {
  let bound = bindings.get(spec);
  if (!bound) bindings.set(spec, (bound = bindAppsRoutes(spec.operations) ?? new Map()));
  return bound;
}

/** What the Apps commands may send to this document. */
export function declaredRoutes(spec: LoadedSpec): AppsRoutesDeclared {
  const routes = appsRoutes(spec);
  const webhook = routes.get('invoke_webhook')?.operation;
  return {
    has: (name) => routes.has(name),
    webhookTakesJson:
      webhook?.requestBody?.content.some((media) => isJsonMediaType(media.mediaType) || media.mediaType.includes('*')) ?? true,
  };
}

/** The path a DELETE of the app removes it at (archives it), where the document declares one. */
export function appDeletePath(spec: LoadedSpec, appId: string): string | undefined {
  const remover = appsRoutes(spec).get('delete_app')?.operation;
  return remover?.path.replace(/\{[^}]+\}/, encodeURIComponent(appId));
}
