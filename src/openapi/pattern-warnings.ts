import { escapeToken } from '../core/index.js';
import type { LoadWarning } from './load-warning.js';
import { translatePattern } from './pattern.js';
import { walkObjects } from './walk.js';

/** One warning for each `pattern` (and `patternProperties` key) that is not plain ECMAScript. */
export function patternWarnings(document: object): LoadWarning[] {
  const warnings: LoadWarning[] = [];
  const check = (pattern: string, pointer: string) => {
    const { note } = translatePattern(pattern);
    if (note !== undefined) warnings.push({ pointer, message: `pattern ${JSON.stringify(pattern)} ${note}` });
  };
  walkObjects(document, (node, pointer) => {
    if (typeof node.pattern === 'string') check(node.pattern, `${pointer}/pattern`);
    const keyed = node.patternProperties;
    if (keyed === null || typeof keyed !== 'object' || Array.isArray(keyed)) return;
    for (const pattern of Object.keys(keyed)) check(pattern, `${pointer}/patternProperties/${escapeToken(pattern)}`);
  });
  return warnings;
}
