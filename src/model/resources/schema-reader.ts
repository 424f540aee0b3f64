import { resolveRef, type OpenApiDocument } from '../../openapi/index.js';

/** The keywords of a schema that inference reads, gathered across `$ref`, `allOf` and a nullable `oneOf`. */
export interface Facet {
  /** JSON types the schema declares, without `null`; empty when it declares none. */
  types: Set<string>;
  nullable: boolean;
  readOnly: boolean;
  writeOnly: boolean;
  format: string | undefined;
  pattern: string | undefined;
  minimum: number | undefined;
  maximum: number | undefined;
  minLength: number | undefined;
  maxLength: number | undefined;
  enum: unknown[] | undefined;
  examples: unknown[];
}

/** An object schema's members, with each property's schema as written (refs kept). */
export interface ObjectShape {
  properties: Map<string, unknown>;
  required: Set<string>;
  /** `additionalProperties: false` (or `unevaluatedProperties: false`): no other member may appear. */
  closed: boolean;
}

type Node = Record<string, unknown>;

// Far deeper than any real schema nests; it only stops a pathological chain from running away.
const MAX_DEPTH = 32;

/**
 * Reads schemas structurally. Real documents inline everything or name everything, so shapes are
 * compared by their property sets, never by `$ref` identity; every walk carries a visited set, so
 * circular schemas (a tree node holding its children) end.
 */
export class SchemaReader {
  readonly #document: OpenApiDocument;
  readonly #objects = new WeakMap<object, ObjectShape | null>();
  readonly #facets = new WeakMap<object, Facet>();

  constructor(document: OpenApiDocument) {
    this.#document = document;
  }

  /** The keywords inference cares about, merged over every part of the schema. */
  facet(raw: unknown): Facet {
    if (raw === null || typeof raw !== 'object') return emptyFacet();
    const cached = this.#facets.get(raw);
    if (cached) return cached;
    const facet = emptyFacet();
    for (const part of this.#parts(raw)) mergeFacet(facet, part);
    this.#facets.set(raw, facet);
    return facet;
  }

  /** The object shape of a schema, or undefined when it is not an object schema. */
  object(raw: unknown): ObjectShape | undefined {
    return this.#object(raw, 0);
  }

  /** The `items` schema when the schema is an array, else undefined. */
  arrayItems(raw: unknown): unknown {
    const items: unknown[] = [];
    let isArray = false;
    for (const part of this.#parts(raw)) {
      if (part.items !== null && typeof part.items === 'object') items.push(part.items);
      if (part.type === 'array' || (Array.isArray(part.type) && part.type.includes('array'))) isArray = true;
    }
    if (items.length === 0) return isArray ? {} : undefined;
    return items.length === 1 ? items[0] : { allOf: items };
  }

  #object(raw: unknown, depth: number): ObjectShape | undefined {
    if (raw === null || typeof raw !== 'object' || depth > MAX_DEPTH) return undefined;
    if (this.#objects.has(raw)) return this.#objects.get(raw) ?? undefined;
    // Marked before the walk: a schema reached again through its own branches counts as no object.
    this.#objects.set(raw, null);
    const shape: ObjectShape = { properties: new Map(), required: new Set(), closed: false };
    let isObject = false;
    for (const part of this.#parts(raw)) {
      if (part.type === 'object' || (Array.isArray(part.type) && part.type.includes('object'))) isObject = true;
      if (part.properties !== null && typeof part.properties === 'object') {
        isObject = true;
        for (const [name, schema] of Object.entries(part.properties as Node)) {
          // A member declared by several parts (a generic wrapper's `data`, refined by the next
          // allOf member) is all of those declarations at once.
          const earlier = shape.properties.get(name);
          shape.properties.set(name, earlier === undefined ? schema : { allOf: [earlier, schema] });
        }
      }
      if (Array.isArray(part.required)) for (const name of part.required) if (typeof name === 'string') shape.required.add(name);
      if (part.additionalProperties === false || part.unevaluatedProperties === false) shape.closed = true;
      const branches = this.#nonNullBranches(part);
      if (branches.length > 1) {
        // A polymorphic item (oneOf/anyOf of several objects) has any member of any branch.
        for (const branch of branches) {
          const inner = this.#object(branch, depth + 1);
          if (!inner) continue;
          isObject = true;
          for (const [name, schema] of inner.properties) if (!shape.properties.has(name)) shape.properties.set(name, schema);
        }
      }
    }
    const result = isObject ? shape : undefined;
    this.#objects.set(raw, result ?? null);
    return result;
  }

  /**
   * The nodes that jointly define a schema: itself, its `$ref` target (3.1 keeps siblings beside a
   * ref), its `allOf` members, and the one non-null branch of a `oneOf`/`anyOf` used for nullability.
   */
  #parts(raw: unknown): Node[] {
    const parts: Node[] = [];
    const seen = new Set<object>();
    const walk = (node: unknown, depth: number) => {
      if (node === null || typeof node !== 'object' || Array.isArray(node) || depth > MAX_DEPTH || seen.has(node)) return;
      seen.add(node);
      const current = node as Node;
      parts.push(current);
      if (typeof current.$ref === 'string') walk(resolveRef(this.#document, current.$ref), depth + 1);
      if (Array.isArray(current.allOf)) for (const member of current.allOf) walk(member, depth + 1);
      const branches = this.#nonNullBranches(current);
      if (branches.length === 1) walk(branches[0], depth + 1);
    };
    walk(raw, 0);
    return parts;
  }

  #nonNullBranches(node: Node): unknown[] {
    const branches = Array.isArray(node.oneOf) ? node.oneOf : Array.isArray(node.anyOf) ? node.anyOf : [];
    return branches.filter((branch) => !isNullSchema(branch));
  }
}

function isNullSchema(node: unknown): boolean {
  return node !== null && typeof node === 'object' && (node as Node).type === 'null';
}

function emptyFacet(): Facet {
  return {
    types: new Set(),
    nullable: false,
    readOnly: false,
    writeOnly: false,
    format: undefined,
    pattern: undefined,
    minimum: undefined,
    maximum: undefined,
    minLength: undefined,
    maxLength: undefined,
    enum: undefined,
    examples: [],
  };
}

function mergeFacet(facet: Facet, part: Node): void {
  const types = Array.isArray(part.type) ? part.type : typeof part.type === 'string' ? [part.type] : [];
  for (const type of types) {
    if (type === 'null') facet.nullable = true;
    else if (typeof type === 'string') facet.types.add(type);
  }
  // OAS 3.0 `nullable: true`; OAS 3.1 writes `type: [.., "null"]` or a `{type: null}` branch.
  if (part.nullable === true) facet.nullable = true;
  const branches = Array.isArray(part.oneOf) ? part.oneOf : Array.isArray(part.anyOf) ? part.anyOf : [];
  if (branches.some(isNullSchema)) facet.nullable = true;
  if (part.readOnly === true) facet.readOnly = true;
  if (part.writeOnly === true) facet.writeOnly = true;
  if (typeof part.format === 'string') facet.format ??= part.format;
  if (typeof part.pattern === 'string') facet.pattern ??= part.pattern;
  if (typeof part.minimum === 'number') facet.minimum ??= part.minimum;
  if (typeof part.maximum === 'number') facet.maximum ??= part.maximum;
  if (typeof part.minLength === 'number') facet.minLength ??= part.minLength;
  if (typeof part.maxLength === 'number') facet.maxLength ??= part.maxLength;
  if (Array.isArray(part.enum)) {
    facet.enum ??= part.enum;
    if (part.enum.includes(null)) facet.nullable = true;
  }
  if ('example' in part) facet.examples.push(part.example);
  if (Array.isArray(part.examples)) facet.examples.push(...part.examples);
}
