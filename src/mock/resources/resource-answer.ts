import { deepFreeze, isJsonMediaType, isShared } from '../../core/index.js';
import type { ResourceOutcome, ResourceRoute } from '../../model/resources/index.js';
import { findResponse, type Operation } from '../../openapi/index.js';
import type { LinkRequest } from '../self-link-placer.js';
import type { LayerAnswer } from '../stateful-layer.js';
import { fitToSchema, type FitEngine } from './fit-to-schema.js';
import { fillEnvelope } from './list-envelope.js';
import { resourceProblem } from './resource-problem.js';

// Bodies already checked, by schema and JSON text: an item answers with the same text until it
// changes (or is read on another origin), so each version is validated once. Bounded, and only
// for bodies small enough that keeping their text is cheap.
const MAX_CACHED = 4096;
const MAX_CACHED_TEXT = 16 * 1024;

/** Turns the model's answers into the mock's, each one valid against what the operation declares. */
export class ResourceAnswers {
  readonly #engine: FitEngine;
  readonly #checked = new Map<string, unknown>();
  // A read hands out the same frozen body while its item is unchanged (the model's read cache), so
  // that body's checked form is found by identity, without serialising it for the text key (a
  // JSON.stringify per GET, 6 % of an inferred GET's time).
  readonly #checkedByIdentity = new WeakMap<object, { pointer: string; checked: unknown }>();

  constructor(engine: FitEngine) {
    this.#engine = engine;
  }

  /**
   * Problems are fitted to the declared error schema; bodies the engine synthesizes, and bodies in a
   * media type other than JSON that `Accept` chose, come from the document; the declared response
   * headers are sent with the model's (`Location`); a body the model knows is fitted to the declared
   * schema of its status.
   */
  answer(
    operation: Operation,
    route: ResourceRoute | undefined,
    outcome: ResourceOutcome,
    request: { path: string; accept: string | undefined } & LinkRequest,
  ): LayerAnswer {
    const { responder } = this.#engine;
    const { response } = outcome;
    if (response.kind === 'problem') return resourceProblem(responder, operation, response, request.path);
    if (!findResponse(operation, response.status)) return undeclared(route, outcome);
    // A body the engine synthesizes links as a stateless answer does; the model's own bodies link already.
    const link = response.kind === 'synthesize' ? request : undefined;
    const declared = responder.answer(operation, { code: response.status }, request.accept, link);
    // Accept nobody can satisfy: the same 406 as a stateless answer.
    if ('title' in declared) return { status: declared.status, body: declared };
    const headers = { ...declared.headers, ...response.headers };
    if (response.kind === 'empty') {
      delete headers['content-type'];
      return { status: response.status, headers };
    }
    if (response.kind === 'synthesize' || !isJsonMediaType(headers['content-type'])) {
      return { status: response.status, headers, ...(declared.body ? { body: declared.body } : {}) };
    }
    const pointer = findResponse(operation, response.status)?.content.find((media) => isJsonMediaType(media.mediaType))?.schemaPointer;
    if (pointer === undefined) return { status: response.status, headers, body: response.body };
    const body = route?.kind === 'list' ? fillEnvelope(route.collection.list, response.body, responder.sample(pointer)) : response.body;
    return { status: response.status, headers, body: this.#checkedBody(pointer, body) };
  }

  #checkedBody(pointer: string, body: unknown): unknown {
    const frozen = isShared(body);
    if (frozen) {
      const known = this.#checkedByIdentity.get(body);
      if (known?.pointer === pointer) return known.checked;
    }
    const checked = this.#checkedByText(pointer, body);
    if (frozen) this.#checkedByIdentity.set(body, { pointer, checked });
    return checked;
  }

  #checkedByText(pointer: string, body: unknown): unknown {
    const text = JSON.stringify(body);
    if (text.length > MAX_CACHED_TEXT) return fitToSchema(this.#engine, pointer, body);
    const key = `${pointer}\n${text}`;
    let checked = this.#checked.get(key);
    if (checked === undefined) {
      // Kept for every request with the same body, the checked form is shared: frozen, so the mock
      // keeps its bytes too.
      checked = deepFreeze(fitToSchema(this.#engine, pointer, body));
      if (this.#checked.size >= MAX_CACHED) this.#checked.clear();
      this.#checked.set(key, checked);
    }
    return checked;
  }
}

/**
 * A document may declare no success at all (petstore's addPet declares only a 405): the model's
 * status then stands, with no schema to fit the body to. A create hands out what it stored, so the
 * client learns the id it could not otherwise know.
 */
function undeclared(route: ResourceRoute | undefined, outcome: ResourceOutcome): LayerAnswer {
  const { response, changes } = outcome;
  if (response.kind === 'body') return { status: response.status, headers: response.headers, body: response.body };
  const stored = changes[0];
  if (route?.kind !== 'create' || stored?.kind !== 'put' || response.kind === 'problem')
    return { status: response.status, headers: response.headers };
  const body = structuredClone(stored.record.representation);
  if (body !== null && typeof body === 'object')
    for (const name of route.collection.item.writeOnly) delete (body as Record<string, unknown>)[name];
  return { status: response.status, headers: response.headers, body };
}
