/** Parses a body as JSON, or returns undefined when it is not JSON text. */
export function tryParseJson(body: Buffer | string | undefined): { value: unknown } | undefined {
  if (body === undefined || body.length === 0) return undefined;
  try {
    return { value: JSON.parse(typeof body === 'string' ? body : body.toString('utf8')) as unknown };
  } catch {
    return undefined;
  }
}
