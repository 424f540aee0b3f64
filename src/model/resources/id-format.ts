import type { Facet } from './schema-reader.js';
import type { IdFormat } from './types.js';

/** Hex digits after the prefix of prefixed public ids (`agent_<32 hex>`, a UUIDv7 without dashes), whatever length an example was cut to. */
export const PREFIXED_HEX_LENGTH = 32;

const MAX_INT32 = 2 ** 31 - 1;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// `agent_01933b5a…`, with the example possibly cut short by an ellipsis.
const PREFIXED_EXAMPLE = /^([a-z][a-z0-9]*_)[0-9a-f]{4,}(?:\.\.\.|…)?$/;
// `^agent_[0-9a-f]{32}$` and its `[a-f0-9]` spelling.
const PREFIXED_PATTERN = /^\^([a-z][a-z0-9]*_)\[(?:0-9a-f|a-f0-9)\]\{(\d+)\}\$$/;

/**
 * How new ids must look so they satisfy both the path parameter's and the id property's schemas:
 * a declared pattern first (the parameter's, then the property's), then `format: uuid`, an integer
 * type, and last a prefix learned from examples; a plain string otherwise.
 */
export function inferIdFormat(parameter: Facet, property: Facet | undefined): IdFormat {
  const facets = property ? [parameter, property] : [parameter];
  const pattern = facets.find((facet) => facet.pattern !== undefined)?.pattern;
  if (pattern !== undefined) {
    const prefixed = PREFIXED_PATTERN.exec(pattern);
    return prefixed ? { kind: 'prefixed', prefix: prefixed[1]!, hexLength: Number(prefixed[2]) } : { kind: 'pattern', pattern };
  }
  if (facets.some((facet) => facet.format === 'uuid')) return { kind: 'uuid' };
  const integer = facets.find((facet) => facet.types.has('integer'));
  if (integer) {
    const minimum = Math.max(1, Math.ceil(integer.minimum ?? 1));
    return { kind: 'integer', minimum, maximum: Math.max(minimum, Math.floor(integer.maximum ?? MAX_INT32)) };
  }
  const examples = facets.flatMap((facet) => facet.examples).filter((example): example is string => typeof example === 'string');
  const learned = fromExamples(examples);
  if (learned) return learned;
  const minLength = Math.max(1, ...facets.map((facet) => facet.minLength ?? 1));
  const maxLength = Math.min(...facets.map((facet) => facet.maxLength ?? Number.MAX_SAFE_INTEGER));
  return { kind: 'string', minLength, maxLength: Math.max(minLength, maxLength) };
}

/** A prefix or a uuid every example agrees on; anything mixed teaches nothing. */
function fromExamples(examples: readonly string[]): IdFormat | undefined {
  if (examples.length === 0) return undefined;
  if (examples.every((example) => UUID.test(example))) return { kind: 'uuid' };
  const prefixes = new Set(examples.map((example) => PREFIXED_EXAMPLE.exec(example)?.[1]));
  if (prefixes.size !== 1) return undefined;
  const [prefix] = prefixes;
  return prefix === undefined ? undefined : { kind: 'prefixed', prefix, hexLength: PREFIXED_HEX_LENGTH };
}

/** A short human description of a format (`agent_<32 hex>`, `uuid`, `integer`). */
export function describeIdFormat(format: IdFormat): string {
  switch (format.kind) {
    case 'prefixed':
      return `${format.prefix}<${format.hexLength} hex>`;
    case 'uuid':
      return 'uuid';
    case 'integer':
      return 'integer';
    case 'pattern':
      return `pattern ${format.pattern}`;
    case 'string':
      return 'string';
  }
}
