import { isObject } from './merge-patch.js';
import type { ResourceCollection } from './types.js';

/**
 * The id a create's answer hands out: the id field of its body, else the last segment of its
 * `Location` header (RFC 9110 §10.2.2). An oracle feeds it to the model's `newId`.
 */
export function createdId(collection: ResourceCollection, body: unknown, headers: Readonly<Record<string, string | undefined>>): string | undefined {
  const { field } = collection.id;
  if (field !== undefined && isObject(body)) {
    const value = body[field];
    if (typeof value === 'string' && value !== '') return value;
    if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  }
  const location = headers.location;
  if (location === undefined) return undefined;
  const path = location.replace(/[?#].*$/, '').replace(/\/+$/, '');
  const last = path.slice(path.lastIndexOf('/') + 1);
  try {
    return last === '' ? undefined : decodeURIComponent(last);
  } catch {
    return undefined;
  }
}
