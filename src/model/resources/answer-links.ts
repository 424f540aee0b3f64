import type { OpenApiDocument } from '../../openapi/index.js';
import { ItemMatcher } from './item-matcher.js';
import { fillPath, isItemRoute } from './path-segments.js';
import { SchemaReader } from './schema-reader.js';
import { findSelfLinks } from './self-links.js';
import { itemUrl } from './server-fields.js';
import type { ResourceCollection, ResourceMap, SelfLink } from './types.js';

/** Where the self links of one answer sit, and the collection whose item the answer is, if it is one. */
export interface AnswerLinks {
  links: readonly SelfLink[];
  item: ResourceCollection | undefined;
}

/** The request an answer goes to: its route's template and its decoded path values. */
export interface AnswerRequest {
  template: string;
  pathParams: Readonly<Record<string, string>>;
}

const NONE: AnswerLinks = { links: [], item: undefined };

/**
 * Reads the self links of a document's answers, once per response schema: the members that name
 * the resource itself (`findSelfLinks`), and the collection of the map whose item the answer is
 * (`ItemMatcher`), so that an answer made without state can still link to a resource a client can
 * follow. Without a map (a stateless mock) no answer is known as an item.
 */
export class AnswerLinkReader {
  readonly #reader: SchemaReader;
  readonly #matcher: ItemMatcher | undefined;
  readonly #read = new Map<string, AnswerLinks>();

  constructor(document: OpenApiDocument, map: ResourceMap | undefined) {
    this.#reader = new SchemaReader(document);
    this.#matcher = map && new ItemMatcher(this.#reader, document, map.collections);
  }

  /** The self links of the answer whose schema, `schema`, lives at `pointer` (a response of the route at `template`). */
  linksOf(pointer: string, schema: unknown, template: string): AnswerLinks {
    let read = this.#read.get(pointer);
    if (!read) {
      const shape = this.#reader.object(schema);
      const links = shape ? findSelfLinks(this.#reader, shape.properties) : [];
      read = links.length === 0 ? NONE : { links, item: this.#matcher?.collectionOf(schema, template) };
      this.#read.set(pointer, read);
    }
    return read;
  }
}

/**
 * The path the self links of an answer name: the request's own on an item route (its last segment
 * a parameter: `GET /v1/models/{id}`); else, for an item of a collection, that item's path by the id
 * the answer carries (`POST /v1/agents/import` answers `/v1/agents/{id}`) where the request names
 * the item's scope; else the request's own path.
 */
export function selfLinkPath(answer: AnswerLinks, body: Readonly<Record<string, unknown>>, request: AnswerRequest): string {
  const own = fillPath(request.template, request.pathParams);
  const { item } = answer;
  if (!item || item.id.field === undefined || isItemRoute(request.template)) return own;
  const id = body[item.id.field];
  if (typeof id !== 'string' && typeof id !== 'number') return own;
  const parents: Record<string, string> = {};
  for (const name of item.scope) {
    const value = request.pathParams[name];
    if (value === undefined) return own;
    parents[name] = value;
  }
  return itemUrl(item, String(id), parents, undefined);
}
