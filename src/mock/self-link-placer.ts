import { AnswerLinkReader, isItemRoute, placeSelfLinks, selfLinkPath, type ResourceMap } from '../model/resources/index.js';
import type { OpenApiDocument } from '../openapi/index.js';
import type { SchemaValues } from './schema-values.js';

/** Where a request came in, for the links of its answer. */
export interface LinkRequest {
  /** The base a client can follow links on: `--base-url`, else Host or Forwarded. */
  origin: string;
  pathParams: Readonly<Record<string, string>>;
}

// Texts of linked static answers, by answer and request path: a client reading one resource again
// gets the same bytes without another validation. Bounded, as the request paths are the client's.
const MAX_PLACED = 2048;

/**
 * Points the self links of the engine's JSON answers at the resource on the request's origin (see
 * `selfLinkPath`), never at a generated host; an answer the linked value would make invalid (a
 * pattern on the link, say) keeps the value it had, as every answer validates against the document.
 */
export class SelfLinkPlacer {
  readonly #links: AnswerLinkReader;
  readonly #values: SchemaValues;
  readonly #placed = new Map<string, Buffer | null>();
  readonly #stateless: boolean;

  constructor(document: OpenApiDocument, map: ResourceMap | undefined, values: SchemaValues) {
    this.#links = new AnswerLinkReader(document, map);
    this.#values = values;
    this.#stateless = map === undefined;
  }

  /**
   * The JSON text of `value` (the answer for the schema `schema` at `pointer`, of the route at
   * `template`) with its self links placed; undefined when it has none, or to keep it as it was.
   * `reuse` names a static answer, whose text for the same request path can be kept.
   */
  place(
    pointer: string,
    schema: unknown,
    template: string,
    value: unknown,
    request: LinkRequest,
    reuse: string | undefined,
  ): Buffer | undefined {
    // A stateless mock holds nothing a link could name but the item a route reads: elsewhere (a
    // create, an action) the request's own path would be a link that leads nowhere, so the answer
    // keeps what the document's examples and schemas give.
    if (this.#stateless && !isItemRoute(template)) return undefined;
    const answer = this.#links.linksOf(pointer, schema, template);
    if (answer.links.length === 0 || value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
    const path = selfLinkPath(answer, value as Record<string, unknown>, { template, pathParams: request.pathParams });
    const key = reuse === undefined ? undefined : `${reuse}\n${request.origin}${path}`;
    const known = key === undefined ? undefined : this.#placed.get(key);
    if (known !== undefined) return known ?? undefined;
    const linked = { ...(value as Record<string, unknown>) };
    placeSelfLinks(linked, answer.links, path, request.origin);
    const text = this.#values.accepts('response-body', pointer, linked) ? Buffer.from(JSON.stringify(linked)) : null;
    if (key !== undefined) {
      if (this.#placed.size >= MAX_PLACED) this.#placed.clear();
      this.#placed.set(key, text);
    }
    return text ?? undefined;
  }
}
