/**
 * `METHOD /path` with the parameter names left out (`GET /v1/stores/{}`), so that routes are
 * compared as a router sees them: `{id}` and `{store_id}` in one position are the same route.
 */
export function routeShape(method: string, path: string): string {
  return `${method.toUpperCase()} ${path.replace(/\{[^{}]*\}/g, '{}')}`;
}
