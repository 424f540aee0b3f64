import type { ResourceQuery } from './model-types.js';

/** Every value of a query parameter, whichever form the engine handed the query in. */
export function queryValues(query: ResourceQuery, name: string): string[] {
  if (query instanceof URLSearchParams) return query.getAll(name);
  const value = Object.hasOwn(query, name) ? query[name] : undefined;
  if (value === undefined) return [];
  return typeof value === 'string' ? [value] : [...value];
}

/** The first value of a query parameter as a whole number, or undefined. */
export function queryInteger(query: ResourceQuery, name: string | undefined): number | undefined {
  if (name === undefined) return undefined;
  const [text] = queryValues(query, name);
  if (text === undefined || !/^[+-]?\d{1,15}$/.test(text.trim())) return undefined;
  return Number(text);
}

/** The query as URLSearchParams with some parameters replaced, for a list's next and previous links. */
export function withParameters(query: ResourceQuery, replace: Readonly<Record<string, string>>): URLSearchParams {
  const result = new URLSearchParams();
  const names = query instanceof URLSearchParams ? [...new Set(query.keys())] : Object.keys(query);
  for (const name of names) {
    if (name in replace) continue;
    for (const value of queryValues(query, name)) result.append(name, value);
  }
  for (const [name, value] of Object.entries(replace)) result.set(name, value);
  return result;
}
