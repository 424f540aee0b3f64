import type { HeaderMap } from '../../core/index.js';
import type { OpenApiDocument, Operation } from '../../openapi/index.js';

type Scheme = { type?: string; scheme?: string; in?: string; name?: string };

/** Names of the document-wide security schemes: the management API key, as opposed to per-resource tokens. */
export function primarySchemes(document: OpenApiDocument): Set<string> {
  const root = Array.isArray(document.security) ? (document.security as Record<string, unknown>[]) : undefined;
  const names = root ? root.flatMap((requirement) => Object.keys(requirement ?? {})) : Object.keys(schemes(document));
  return new Set(names);
}

/** True when the operation accepts the document-wide credentials, so a configured API key must be demanded. */
export function takesApiKey(operation: Operation, primary: ReadonlySet<string>): boolean {
  return (operation.security ?? []).some((requirement) => Object.keys((requirement ?? {}) as object).some((name) => primary.has(name)));
}

/** True when the operation is guarded only by its own schemes (a resource's own token), not the API key. */
export function takesOwnToken(operation: Operation, primary: ReadonlySet<string>): boolean {
  const names = (operation.security ?? []).flatMap((requirement) => Object.keys((requirement ?? {}) as object));
  return names.length > 0 && names.every((name) => !primary.has(name));
}

/** The header carrying a resource token for this operation: its first apiKey-in-header scheme, else Bearer. */
export function tokenHeaders(document: OpenApiDocument, operation: Operation, token: string): HeaderMap {
  const all = schemes(document);
  for (const requirement of operation.security ?? []) {
    for (const name of Object.keys((requirement ?? {}) as object)) {
      const scheme = all[name];
      if (scheme?.type === 'apiKey' && scheme.in === 'header' && scheme.name) return { [scheme.name.toLowerCase()]: token };
    }
  }
  return { authorization: `Bearer ${token}` };
}

function schemes(document: OpenApiDocument): Record<string, Scheme> {
  const components = document.components as { securitySchemes?: Record<string, Scheme> } | undefined;
  return components?.securitySchemes ?? {};
}
