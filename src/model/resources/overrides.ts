import { SpecError, UsageError } from '../../core/index.js';

/** Corrections to one operation's classification. */
export interface OperationOverride {
  /** True: the model never serves this operation. */
  stateless?: boolean;
  /** The path of the collection whose items this POST creates (`/v1/agents` for `POST /v1/agents/import`). */
  creates?: string;
  /** For a route that creates items: true for a get-or-create (later calls answer the item the first made), false for a new item each call. */
  once?: boolean;
}

/** Corrections to the collection at one path (keyed by the collection path, `/v1/agents`). */
export interface CollectionOverride {
  /** False: the path is never a collection. True: it is one even when inference says otherwise. */
  collection?: boolean;
  /** The collection's name in the map, the state and the logs. */
  name?: string;
  /** The item's body property that holds its id. */
  idField?: string;
  /** The item path's parameter (`agent_id` selects `/v1/agents/{agent_id}`). */
  idParameter?: string;
  /** The list envelope's array member (`data`). */
  listProperty?: string;
}

/** Where an override came from, so an error can name it and blame the right party. */
export interface OverrideOrigin {
  kind: 'file' | 'extension';
  /** `overrides.json: collections["/v1/agents"]` or the document pointer of the extension. */
  where: string;
}

/** Validated overrides, each entry with its origin; keyed by operation (`operationId` or `METHOD /path`) and collection path. */
export interface ResourceOverrides {
  operations: Record<string, OperationOverride & { origin: OverrideOrigin }>;
  collections: Record<string, CollectionOverride & { origin: OverrideOrigin }>;
}

/** The extension that carries the same corrections inside a document, on a path item or an operation. */
export const RESOURCE_EXTENSION = 'x-everruns-contract-resource';

const OPERATION_KEYS = ['stateless', 'creates', 'once'] as const;
const BOOLEAN_KEYS = new Set(['stateless', 'collection', 'once']);
const COLLECTION_KEYS = ['collection', 'name', 'idField', 'idParameter', 'listProperty'] as const;
const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/**
 * Validates an overrides document (`{"operations": {...}, "collections": {...}}`) from a JSON file;
 * every mistake is a UsageError naming the file and the entry.
 */
export function parseResourceOverrides(value: unknown, source: string): ResourceOverrides {
  const fail = (detail: string) => new UsageError(`overrides ${source}: ${detail}`);
  if (!isPlainObject(value)) throw fail('must be a JSON object with "operations" and/or "collections"');
  for (const key of Object.keys(value)) {
    if (key !== 'operations' && key !== 'collections') throw fail(`unknown member ${JSON.stringify(key)} (expected "operations" or "collections")`);
  }
  const result: ResourceOverrides = { operations: {}, collections: {} };
  for (const [group, keys] of [['operations', OPERATION_KEYS], ['collections', COLLECTION_KEYS]] as const) {
    const entries = value[group];
    if (entries === undefined) continue;
    if (!isPlainObject(entries)) throw fail(`"${group}" must be an object`);
    for (const [key, entry] of Object.entries(entries)) {
      const where = `${source}: ${group}[${JSON.stringify(key)}]`;
      const origin: OverrideOrigin = { kind: 'file', where };
      if (group === 'collections' && !key.startsWith('/')) throw overrideError(origin, 'a collection is keyed by its path, which starts with "/"');
      const checked = checkEntry(entry, keys, origin);
      (result[group] as Record<string, unknown>)[key] = { ...checked, origin };
    }
  }
  return result;
}

/** Validates the extension's value at `pointer`: SpecErrors, since the document is what is wrong. */
export function parseExtensionEntry(value: unknown, kind: 'operation' | 'collection', pointer: string): Record<string, unknown> {
  return checkEntry(value, kind === 'operation' ? OPERATION_KEYS : COLLECTION_KEYS, { kind: 'extension', where: pointer });
}

/** Overrides from a file win over the document's extension, entry by entry. */
export function mergeOverrides(fromDocument: ResourceOverrides, fromFile: ResourceOverrides | undefined): ResourceOverrides {
  if (!fromFile) return fromDocument;
  return {
    operations: { ...fromDocument.operations, ...fromFile.operations },
    collections: { ...fromDocument.collections, ...fromFile.collections },
  };
}

/** The error for a bad override: a UsageError for a file, a SpecError for the document's extension. */
export function overrideError(origin: OverrideOrigin, detail: string): Error {
  const message = origin.kind === 'file' ? `override ${origin.where}: ${detail}` : `${RESOURCE_EXTENSION} at ${origin.where}: ${detail}`;
  return origin.kind === 'file' ? new UsageError(message) : new SpecError(message);
}

function checkEntry(entry: unknown, keys: readonly string[], origin: OverrideOrigin): Record<string, unknown> {
  if (!isPlainObject(entry)) throw overrideError(origin, `must be an object with any of ${keys.join(', ')}`);
  for (const [key, value] of Object.entries(entry)) {
    if (!keys.includes(key)) throw overrideError(origin, `unknown member ${JSON.stringify(key)} (allowed: ${keys.join(', ')})`);
    const boolean = BOOLEAN_KEYS.has(key);
    if (boolean && typeof value !== 'boolean') throw overrideError(origin, `"${key}" must be true or false`);
    if (!boolean && (typeof value !== 'string' || value === '')) throw overrideError(origin, `"${key}" must be a non-empty string`);
    if (key === 'name' && !NAME.test(value as string)) {
      throw overrideError(origin, `"name" ${JSON.stringify(value)} must be letters, digits, ".", "_" or "-"`);
    }
    if (key === 'creates' && !(value as string).startsWith('/')) throw overrideError(origin, '"creates" names a collection by its path, which starts with "/"');
  }
  if (entry['stateless'] === true && (entry['creates'] !== undefined || entry['once'] !== undefined)) {
    throw overrideError(origin, '"stateless": true leaves nothing to create; drop "creates" and "once", or "stateless"');
  }
  return entry;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
