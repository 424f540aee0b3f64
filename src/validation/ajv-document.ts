import { isNameMap } from '../openapi/index.js';

/**
 * The document as Ajv sees it: example values, `x-` extensions and stray `nullable`s left out. Ajv takes every `$id`
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
    // A `nullable` left after the 3.0 conversion (a 3.1 document, or a non-boolean one) is no
    // keyword of the dialect, and Ajv refuses to compile one without `type`.
    const data = !names && (key === 'example' || key === 'examples' || key === 'nullable' || key.startsWith('x-'));
    const next = data ? undefined : ajvDocument(value, !names && isNameMap(key));
    if (!data && next === value) continue;
    copy ??= { ...(node as Record<string, unknown>) };
    if (data) delete copy[key];
    else copy[key] = next;
  }
  return copy ?? node;
}
