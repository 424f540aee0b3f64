/**
 * RFC 7396 JSON Merge Patch, with one reading of `null` at the top level: a member whose schema
 * accepts null keeps `null` (the API's way to clear a field), any other member is removed as §2 says.
 */
export function applyMergePatch(target: unknown, patch: Readonly<Record<string, unknown>>, nullable: ReadonlySet<string>): Record<string, unknown> {
  const result: Record<string, unknown> = isObject(target) ? { ...target } : {};
  for (const [name, value] of Object.entries(patch)) {
    if (value === null) {
      if (nullable.has(name)) result[name] = null;
      else delete result[name];
    } else {
      setMember(result, name, mergeValue(result[name], value));
    }
  }
  return result;
}

/** RFC 7396 §2 MergePatch(Target, Patch), exactly. */
export function mergeValue(target: unknown, patch: unknown): unknown {
  if (!isObject(patch)) return structuredClone(patch);
  const result: Record<string, unknown> = isObject(target) ? { ...target } : {};
  for (const [name, value] of Object.entries(patch)) {
    if (value === null) delete result[name];
    else setMember(result, name, mergeValue(result[name], value));
  }
  return result;
}

/** True for a JSON object (not an array, not null). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

// defineProperty keeps a member named "__proto__" as data, as JSON.parse does.
function setMember(target: Record<string, unknown>, name: string, value: unknown): void {
  Object.defineProperty(target, name, { value, enumerable: true, writable: true, configurable: true });
}

/**
 * Lays `top` over `base` member by member, recursing into objects; `null` is a value here, not a
 * removal. A renderer lays the client's fields and the server's over a generated or previous body.
 */
export function overlay(base: unknown, top: unknown): unknown {
  if (!isObject(top) || !isObject(base)) return structuredClone(top);
  const result: Record<string, unknown> = { ...base };
  for (const [name, value] of Object.entries(top)) setMember(result, name, overlay(result[name], value));
  return result;
}
