import type { ErrorObject } from 'ajv';
import { escapeToken } from '../core/index.js';

/**
 * Finds where in the document the rule an Ajv error reports lives. Ajv's own `schemaPath` is
 * relative to whichever referenced schema it compiled on its own, so the error's parent schema is
 * looked up by identity instead, in an index of every object of the document built on first use.
 */
export class SchemaLocator {
  readonly #document: object;
  #index: WeakMap<object, string> | undefined;

  /** `document` is the very object Ajv compiles from, so its nodes are the errors' parent schemas. */
  constructor(document: object) {
    this.#document = document;
  }

  /** The document pointer of the keyword broken (`#/components/schemas/App/properties/name/maxLength`). */
  locate(error: ErrorObject): string | undefined {
    const parent: unknown = error.parentSchema;
    if (parent === null || typeof parent !== 'object') return undefined;
    const base = this.#pointers().get(parent);
    return base === undefined ? undefined : `${base}/${escapeToken(error.keyword)}`;
  }

  #pointers(): WeakMap<object, string> {
    if (this.#index) return this.#index;
    const index = new WeakMap<object, string>();
    // An explicit stack: a deep document must not overflow the call stack.
    const stack: Array<[object, string]> = [[this.#document, '#']];
    while (stack.length > 0) {
      const [node, pointer] = stack.pop()!;
      if (index.has(node)) continue;
      index.set(node, pointer);
      for (const [key, child] of Object.entries(node)) {
        if (child !== null && typeof child === 'object') stack.push([child, `${pointer}/${escapeToken(key)}`]);
      }
    }
    this.#index = index;
    return index;
  }
}
