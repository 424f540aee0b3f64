/**
 * Converts OpenAPI 3.0 Schema Objects to draft-07 JSON Schema in a copy of the document:
 * `nullable: true` admits null (OAS 3.0.3 §4.7.24.1), boolean `exclusiveMinimum/Maximum` become
 * numeric. Everything else is already JSON Schema or ignored by a non-strict Ajv.
 */
export function convertOas30Document<T>(document: T): T {
  return convert(document) as T;
}

function convert(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(convert);
  if (node === null || typeof node !== 'object') return node;
  const source = node as Record<string, unknown>;
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(source)) copy[key] = convert(value);
  if (copy.exclusiveMinimum === true && typeof copy.minimum === 'number') {
    copy.exclusiveMinimum = copy.minimum;
    delete copy.minimum;
  } else if (typeof copy.exclusiveMinimum === 'boolean') delete copy.exclusiveMinimum;
  if (copy.exclusiveMaximum === true && typeof copy.maximum === 'number') {
    copy.exclusiveMaximum = copy.maximum;
    delete copy.maximum;
  } else if (typeof copy.exclusiveMaximum === 'boolean') delete copy.exclusiveMaximum;
  if (typeof copy.nullable !== 'boolean') return copy;
  const nullable = copy.nullable;
  delete copy.nullable;
  if (!nullable) return copy;
  if (typeof copy.type === 'string') {
    copy.type = [copy.type, 'null'];
    if (Array.isArray(copy.enum) && !copy.enum.includes(null)) copy.enum = [...copy.enum, null];
    return copy;
  }
  if (Array.isArray(copy.type)) {
    if (!copy.type.includes('null')) copy.type = [...copy.type, 'null'];
    return copy;
  }
  // No `type` (a $ref or a composition): null is one more alternative.
  return { anyOf: [copy, { type: 'null' }] };
}
