import { resolveRef, type OpenApiDocument } from '../../openapi/index.js';
import { isPrefixPath, segmentsOf } from './path-segments.js';
import type { SchemaReader } from './schema-reader.js';
import type { ResourceCollection } from './types.js';

// The roles whose answer, when it is the item, shows what an item of the collection looks like.
const ITEM_ROLES = ['create', 'read', 'update', 'replace'] as const;

/**
 * Tells which collection's item an answer is, by its members: a collection with an item read
 * (a GET item route a link to the item can follow) one of whose item answers (create, read, update,
 * replace) has exactly the answer's members, its id field among them. `WithUrls_Agent` is an agent
 * because the create answers it, though the read adds counts to it.
 */
export class ItemMatcher {
  readonly #reader: SchemaReader;
  readonly #document: OpenApiDocument;
  readonly #collections: readonly ResourceCollection[];
  readonly #shapes = new Map<ResourceCollection, Set<string>>();

  constructor(reader: SchemaReader, document: OpenApiDocument, collections: readonly ResourceCollection[]) {
    this.#reader = reader;
    this.#document = document;
    this.#collections = collections;
  }

  /**
   * The one collection whose item `schema` is; of several, the one whose path the route at `path`
   * extends (`POST /v1/sessions/chat` answers a session of `/v1/sessions`); else none.
   */
  collectionOf(schema: unknown, path: string): ResourceCollection | undefined {
    const shape = this.#reader.object(schema);
    if (!shape || shape.properties.size === 0) return undefined;
    const key = membersKey(shape.properties.keys());
    const matches = this.#collections.filter(
      (collection) =>
        collection.roles.read !== undefined &&
        (collection.id.field === undefined || shape.properties.has(collection.id.field)) &&
        this.#shapesOf(collection).has(key),
    );
    if (matches.length <= 1) return matches[0];
    const segments = segmentsOf(path);
    const related = matches.filter((collection) => isPrefixPath(segmentsOf(collection.path), segments));
    return related.length === 1 ? related[0] : undefined;
  }

  #shapesOf(collection: ResourceCollection): Set<string> {
    let shapes = this.#shapes.get(collection);
    if (shapes) return shapes;
    shapes = new Set();
    for (const role of ITEM_ROLES) {
      const endpoint = collection.roles[role];
      if (endpoint?.body !== 'item' || endpoint.schemaPointer === undefined) continue;
      const shape = this.#reader.object(resolveRef(this.#document, endpoint.schemaPointer));
      if (shape) shapes.add(membersKey(shape.properties.keys()));
    }
    this.#shapes.set(collection, shapes);
    return shapes;
  }
}

function membersKey(names: Iterable<string>): string {
  return JSON.stringify([...names].sort());
}
