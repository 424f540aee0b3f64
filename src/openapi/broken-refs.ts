import { getAtPointer } from '../core/index.js';
import type { LoadWarning } from './load-warning.js';
import { walkObjects } from './walk.js';

/**
 * Finds every local `$ref` that leads nowhere, warns where it is, and removes it, so the object
 * stands for itself: a schema then admits any value, a parameter or response without its
 * definition is left out. Served this way the rest of the document works as written.
 */
export function dropBrokenRefs(document: object): LoadWarning[] {
  const warnings: LoadWarning[] = [];
  walkObjects(document, (node, pointer) => {
    const ref = node.$ref;
    if (typeof ref !== 'string' || !ref.startsWith('#')) return;
    const problem = refProblem(document, ref);
    if (problem === undefined) return;
    delete node.$ref;
    warnings.push({ pointer: `${pointer}/$ref`, message: `$ref "${ref}" ${problem}; served as if it were not there` });
  });
  return warnings;
}

function refProblem(document: object, ref: string): string | undefined {
  try {
    return getAtPointer(document, ref) === undefined ? 'points to nothing in the document' : undefined;
  } catch {
    return 'is not a JSON pointer';
  }
}
