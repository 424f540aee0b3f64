import { getAtPointer } from '../core/index.js';

/** An OpenAPI 3.0 or 3.1 document as parsed, with `$ref`s left in place. */
export type OpenApiDocument = Record<string, unknown> & { openapi: string; paths?: Record<string, unknown> };

export type OpenApiVersion = '3.0' | '3.1';

/** A node reached through any number of `$ref`s, with the pointer of where it really lives. */
export interface Located<T = Record<string, unknown>> {
  node: T;
  pointer: string;
}

const MAX_REF_HOPS = 64;

/**
 * Follows `$ref` chains inside the document. Refs stay unresolved in the document itself so that
 * circular schemas stay finite and Ajv can compile them by reference.
 */
export function locate(document: OpenApiDocument, node: unknown, pointer: string): Located | undefined {
  let current = node;
  let where = pointer;
  for (let hops = 0; hops < MAX_REF_HOPS; hops++) {
    if (current === null || typeof current !== 'object') return undefined;
    const ref = (current as { $ref?: unknown }).$ref;
    if (typeof ref !== 'string' || !ref.startsWith('#')) return { node: current as Record<string, unknown>, pointer: where };
    // A `$ref` is a URI fragment (percent-encoded, RFC 6901 §6); pointers built here are plain.
    where = plainPointer(ref);
    current = getAtPointer(document, ref);
  }
  return undefined;
}

function plainPointer(fragment: string): string {
  try {
    return '#' + decodeURIComponent(fragment.slice(1));
  } catch {
    return fragment;
  }
}

/** Resolves a local `$ref` string (`#/components/...`) to its target, or undefined. */
export function resolveRef(document: OpenApiDocument, ref: string): unknown {
  if (!ref.startsWith('#')) return undefined;
  return locate(document, getAtPointer(document, ref), ref)?.node;
}

/** `3.0` or `3.1` from the `openapi` field; anything else is not served. */
export function versionOf(document: { openapi?: unknown }): OpenApiVersion | undefined {
  const text = typeof document.openapi === 'string' ? document.openapi : '';
  if (/^3\.0\.\d+/.test(text)) return '3.0';
  if (/^3\.1\.\d+/.test(text)) return '3.1';
  return undefined;
}
