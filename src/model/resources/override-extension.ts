import { escapeToken } from '../../core/index.js';
import { locate, resolveRef, type OpenApiDocument, type Operation } from '../../openapi/index.js';
import { parseExtensionEntry, RESOURCE_EXTENSION, type OverrideOrigin, type ResourceOverrides } from './overrides.js';

/**
 * Collects the overrides a document carries in its own `x-everruns-contract-resource` members: on a
 * path item they correct the collection at that path, on an operation they correct that operation.
 */
export function readExtensionOverrides(document: OpenApiDocument, operations: readonly Operation[]): ResourceOverrides {
  const result: ResourceOverrides = { operations: {}, collections: {} };
  for (const [path, raw] of Object.entries(document.paths ?? {})) {
    if (!path.startsWith('/')) continue;
    const item = locate(document, raw, `#/paths/${escapeToken(path)}`);
    if (!item || !(RESOURCE_EXTENSION in item.node)) continue;
    const where = `${item.pointer}/${RESOURCE_EXTENSION}`;
    const origin: OverrideOrigin = { kind: 'extension', where };
    result.collections[path] = { ...parseExtensionEntry(item.node[RESOURCE_EXTENSION], 'collection', where), origin };
  }
  for (const operation of operations) {
    const node = resolveRef(document, operation.pointer);
    if (node === null || typeof node !== 'object' || !(RESOURCE_EXTENSION in node)) continue;
    const where = `${operation.pointer}/${RESOURCE_EXTENSION}`;
    const origin: OverrideOrigin = { kind: 'extension', where };
    const value = (node as Record<string, unknown>)[RESOURCE_EXTENSION];
    result.operations[`${operation.method} ${operation.path}`] = { ...parseExtensionEntry(value, 'operation', where), origin };
  }
  return result;
}
