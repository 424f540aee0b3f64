/**
 * JSON text with object keys sorted at every depth, so equal structures give equal text. Members
 * whose value is undefined are left out, as JSON.stringify leaves them out.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value)) ?? 'null';
}

/** Deep equality of JSON values, key order aside (JSON Schema's equality for `enum`, `const`, `uniqueItems`). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  // A null prototype keeps a key named "__proto__" as data instead of setting the prototype.
  const sorted = Object.create(null) as Record<string, unknown>;
  for (const key of Object.keys(value).sort()) sorted[key] = sortKeys((value as Record<string, unknown>)[key]);
  return sorted;
}
