/** Serialises JSON with object keys sorted at every depth, so equal structures give equal text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) sorted[key] = sortKeys((value as Record<string, unknown>)[key]);
  return sorted;
}

/** Parses a body as JSON, or returns undefined when it is not JSON text. */
export function tryParseJson(body: Buffer | string | undefined): { value: unknown } | undefined {
  if (body === undefined || body.length === 0) return undefined;
  try {
    return { value: JSON.parse(typeof body === 'string' ? body : body.toString('utf8')) as unknown };
  } catch {
    return undefined;
  }
}
