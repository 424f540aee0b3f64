import { escapeToken } from '../core/index.js';

// Members whose values are data, not OpenAPI structure: a `$ref` or `pattern` inside them means nothing.
const DATA_KEYS = new Set(['example', 'default', 'enum', 'const', 'value']);
// Maps keyed by names the author chose, where a key called `example` or `x-y` is just a name.
const NAME_MAPS = new Set([
  'properties',
  'patternProperties',
  'definitions',
  '$defs',
  'dependentSchemas',
  'schemas',
  'responses',
  'parameters',
  'examples',
  'headers',
  'securitySchemes',
  'securityDefinitions',
  'requestBodies',
  'links',
  'callbacks',
  'paths',
  'webhooks',
  'content',
  'encoding',
  'pathItems',
]);

/** True for a member whose value is a map keyed by names the author chose (`properties`, `schemas`…). */
export function isNameMap(key: string): boolean {
  return NAME_MAPS.has(key);
}

/**
 * Visits every object of a document with its RFC 6901 pointer, depth first in document order, without entering
 * example and default values or `x-` extensions.
 */
export function walkObjects(root: unknown, visit: (node: Record<string, unknown>, pointer: string) => void): void {
  const stack: Array<[unknown, string, boolean]> = [[root, '', false]];
  while (stack.length > 0) {
    const [node, pointer, names] = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    // Children go on the stack last first, so they are visited in document order.
    if (Array.isArray(node)) {
      for (let index = node.length - 1; index >= 0; index--) stack.push([node[index], `${pointer}/${index}`, false]);
      continue;
    }
    visit(node as Record<string, unknown>, pointer);
    const entries = Object.entries(node);
    for (let index = entries.length - 1; index >= 0; index--) {
      const [key, value] = entries[index]!;
      if (value === null || typeof value !== 'object') continue;
      if (!names && (DATA_KEYS.has(key) || key.startsWith('x-'))) continue;
      stack.push([value, `${pointer}/${escapeToken(key)}`, !names && isNameMap(key)]);
    }
  }
}
