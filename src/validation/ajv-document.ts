import { isNameMap } from '../openapi/index.js';

/**
 * The document as Ajv sees it: example values and `x-` extensions left out. Ajv takes every `$id`
 * it finds for a schema id, and examples of APIs whose objects carry an `$id` member (box.com's)
 * would otherwise clash. Only the objects on the way to a removal are copied, so a document
 * without examples is registered as it is.
 */
export function ajvDocument(node: unknown, names = false): unknown {
  if (node === null || typeof node !== 'object') return node;
  if (Array.isArray(node)) {
    let copy: unknown[] | undefined;
    node.forEach((item, index) => {
      const next = ajvDocument(item);
      if (next !== item) (copy ??= [...node])[index] = next;
    });
    return copy ?? node;
  }
  let copy: Record<string, unknown> | undefined;
  for (const [key, value] of Object.entries(node)) {
    const data = !names && (key === 'example' || key === 'examples' || key.startsWith('x-'));
    const next = data ? undefined : ajvDocument(value, !names && isNameMap(key));
    if (!data && next === value) continue;
    copy ??= { ...(node as Record<string, unknown>) };
    if (data) delete copy[key];
    else copy[key] = next;
  }
  return copy ?? node;
}
