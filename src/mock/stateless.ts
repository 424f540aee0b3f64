import {
  PROBLEM_MEDIA_TYPE,
  essence,
  getAtPointer,
  isJsonMediaType,
  isProblemMediaType,
  toProblem,
  unescapeToken,
  type ProblemDetails,
} from '../core/index.js';
import { findResponse, resolveRef, type MediaTypeSpec, type OpenApiDocument, type Operation } from '../openapi/index.js';
import type { SchemaContext } from '../generate/index.js';
import type { ResourceMap } from '../model/resources/index.js';
import type { SpecValidator } from '../validation/index.js';
import { documentedExamples } from './documented-examples.js';
import { selectResponse } from './negotiate.js';
import type { Preferences } from './prefer.js';
import { SelfLinkPlacer, type LinkRequest } from './self-link-placer.js';
import { responseHeaders } from './response-headers.js';
import { SchemaValues, type AnswerMode } from './schema-values.js';
import { isXmlMediaType, toXml } from './xml.js';

export interface MockAnswer {
  status: number;
  headers: Record<string, string>;
  body: Buffer | undefined;
}

/** An answer as made, with the value serialised into it and, for a JSON success, the media whose self links it may carry. */
interface MadeAnswer {
  answer: MockAnswer;
  value: unknown;
  links: MediaTypeSpec | undefined;
}

// RFC 9110 §15.3.5, §15.3.6, §15.4.5: these answers carry no content.
const NO_CONTENT = new Set([204, 205, 304]);

/**
 * Answers any operation of any document without state, as the document says (Prism's order): a
 * named example if asked for, else the declared example of the chosen response, else a value
 * built from the schema's own examples and defaults and readable generated values — checked
 * against the schema first. Static answers are computed once per operation, status and media type;
 * dynamic ones (`Prefer: dynamic=true`) are drawn anew from generators built once.
 */
export class StatelessResponder {
  /** How the document's schemas are read by generators (dialect, `$ref`s). */
  readonly context: SchemaContext;
  #document: OpenApiDocument;
  #values: SchemaValues;
  #answers = new Map<string, MadeAnswer>();
  #placer: SelfLinkPlacer;
  #errorExamples = new Map<string, ProblemDetails | null>();
  /** A valid value per schema: the base of a problem fitted to an error schema without an example, and of a layer's bodies. */
  #samples = new Map<string, unknown>();

  /** `map` is what the resources layer serves, so that answers made here link to its items; none for a stateless mock. */
  constructor(validator: SpecValidator, map?: ResourceMap) {
    const spec = validator.spec;
    this.#document = spec.document;
    this.context = {
      dialect: spec.version === '3.0' ? 'oas30' : 'oas31',
      resolveRef: (ref) => resolveRef(spec.document, ref),
    };
    this.#values = new SchemaValues(validator, this.context);
    this.#placer = new SelfLinkPlacer(spec.document, map, this.#values);
  }

  /** The static answer value for the response schema at `pointer` (readable, example-based, valid), drawn once; shared, so never mutate it. */
  sample(pointer: string): unknown {
    if (!this.#samples.has(pointer)) {
      this.#samples.set(pointer, this.#values.draw(getAtPointer(this.#document, pointer), pointer, 'response-body', 'static', 0));
    }
    return this.#samples.get(pointer);
  }

  /**
   * The answer to a request for `operation`. With `request`, the self links of a JSON success name
   * the resource on the request's origin (see `SelfLinkPlacer`); a named example is what it is.
   */
  answer(operation: Operation, preferences: Preferences, accept: string | undefined, request?: LinkRequest): MockAnswer | ProblemDetails {
    const selection = selectResponse(operation, preferences, accept);
    if (!selection.ok) return selection.problem;
    const { status, response, mediaType } = selection;
    const media = NO_CONTENT.has(status) ? undefined : selection.media;
    // A named example is what it is; dynamic generation applies only without one.
    const mode: AnswerMode = preferences.dynamic && preferences.example === undefined ? 'dynamic' : 'static';
    const key = `${operation.pointer} ${status} ${mediaType ?? ''} ${preferences.example ?? ''}`;
    if (mode === 'static') {
      const cached = this.#answers.get(key);
      if (cached) return this.#linked(cached, operation, request, key);
    }
    const seed = mode === 'dynamic' ? Math.floor(Math.random() * 2 ** 31) : 0;
    let body: Buffer | undefined;
    let value: unknown;
    if (media && mediaType) {
      const chosen = this.#body(media, mediaType, preferences, mode, seed);
      if (!chosen) {
        return toProblem(
          'example_not_found',
          `no example named '${preferences.example}' is declared for ${operation.method} ${operation.path} ${status}`,
        );
      }
      value = status >= 400 ? this.#withStatus(media, chosen.value, status) : chosen.value;
      body = this.#serialise(media, mediaType, value);
    }
    const headers = responseHeaders(response, this.#values, mode, seed);
    if (body !== undefined && mediaType) headers['content-type'] = mediaType;
    // Self links name a resource in a JSON success; a named example is what it is.
    const linkable =
      status >= 200 &&
      status < 300 &&
      preferences.example === undefined &&
      isJsonMediaType(mediaType) &&
      media?.schemaPointer !== undefined;
    const made = { answer: { status, headers, body }, value, links: linkable ? media : undefined };
    if (mode === 'static') this.#answers.set(key, made);
    return this.#linked(made, operation, request, mode === 'static' ? key : undefined);
  }

  // The answer with its self links on the request's origin; `reuse` names a static answer.
  #linked(made: MadeAnswer, operation: Operation, request: LinkRequest | undefined, reuse: string | undefined): MockAnswer {
    if (!request || !made.links?.schemaPointer) return made.answer;
    const { schemaPointer, schema } = made.links;
    const text = this.#placer.place(schemaPointer, schema, operation.path, made.value, request, reuse);
    return text ? { ...made.answer, body: text } : made.answer;
  }

  /**
   * The body of an error the mock raises (invalid input) in the schema the operation declares for
   * its status. A problem+json error is the problem itself, which tells what is wrong with this
   * request; fitted to the declared schema if it must be, from the declared example (else a valid
   * sample). An error in another JSON shape (GitHub's basic-error, petstore's {code, message}) is
   * the declared example, as Prism answers, with its `status` set to the HTTP status; without a
   * valid example, the problem fitted to that schema. Where only text is declared for the status
   * (`text/markdown`), the body is the problem's title and detail as text (a string).
   */
  fitProblem(operation: Operation, problem: ProblemDetails): { body: ProblemDetails | string; mediaType: string } {
    const declared = findResponse(operation, problem.status)?.content ?? [];
    const media =
      declared.find((entry) => isProblemMediaType(entry.mediaType)) ?? declared.find((entry) => isJsonMediaType(entry.mediaType));
    const text = media ? undefined : declared.find((entry) => essence(entry.mediaType)?.startsWith('text/'));
    if (text) return { body: `${problem.title}: ${problem.detail}\n`, mediaType: `${essence(text.mediaType)}; charset=utf-8` };
    // problem+json unless the document declares another JSON media type for this status, whose
    // schema the body then follows too: what the document promises wins over our convention.
    const mediaType = media && !media.mediaType.includes('*') ? media.mediaType : PROBLEM_MEDIA_TYPE;
    if (!media?.schemaPointer || !media.schema) return { body: problem, mediaType };
    const example = this.#errorExample(operation, media, problem.status);
    if (example && !isProblemMediaType(media.mediaType)) return { body: example, mediaType };
    return { body: this.#fitBody(media.schemaPointer, problem, example), mediaType };
  }

  // The first declared example the schema accepts, its `status` (if it has one) the HTTP status.
  #errorExample(operation: Operation, media: MediaTypeSpec, status: number): ProblemDetails | undefined {
    const key = `${operation.pointer} ${status} ${media.mediaType}`;
    let example = this.#errorExamples.get(key);
    if (example === undefined) {
      example = null;
      for (const candidate of documentedExamples(media)) {
        if (!this.#values.accepts('response-body', media.schemaPointer!, candidate)) continue;
        example = this.#withStatus(media, candidate, status) as ProblemDetails;
        break;
      }
      this.#errorExamples.set(key, example);
    }
    return example ?? undefined;
  }

  // An error body's numeric `status` member says the HTTP status (RFC 9457 §3.1.3), where the schema allows.
  #withStatus(media: MediaTypeSpec, value: unknown, status: number): unknown {
    if (!isRecord(value) || typeof value['status'] !== 'number' || value['status'] === status || !media.schemaPointer) return value;
    const synced = { ...value, status };
    return this.#values.accepts('response-body', media.schemaPointer, synced) ? synced : value;
  }

  #fitBody(pointer: string, problem: ProblemDetails, example: unknown): ProblemDetails {
    if (this.#values.accepts('response-body', pointer, problem)) return problem;
    // Keep every problem member the declared schema tolerates, and fill the rest from the declared
    // example or a valid sample.
    const base = example ?? this.sample(pointer);
    const fitted: Record<string, unknown> = isRecord(base) ? { ...base } : {};
    for (const [member, value] of Object.entries(problem)) {
      const candidate = { ...fitted, [member]: value };
      if (this.#values.accepts('response-body', pointer, candidate)) fitted[member] = value;
    }
    return fitted as ProblemDetails;
  }

  #body(media: MediaTypeSpec, mediaType: string, preferences: Preferences, mode: AnswerMode, seed: number): { value: unknown } | undefined {
    if (preferences.example !== undefined) {
      return Object.hasOwn(media.examples, preferences.example) ? { value: media.examples[preferences.example] } : undefined;
    }
    if (mode === 'static') {
      for (const candidate of documentedExamples(media)) if (this.#fits(media, mediaType, candidate)) return { value: candidate };
    }
    if (!media.schema || !media.schemaPointer) return { value: isJsonMediaType(mediaType) || isXmlMediaType(mediaType) ? {} : '' };
    return { value: this.#values.draw(media.schema, media.schemaPointer, 'response-body', mode, seed) };
  }

  // An XML media type's string example is the document itself; other values must satisfy the schema.
  #fits(media: MediaTypeSpec, mediaType: string, value: unknown): boolean {
    if (!media.schemaPointer) return true;
    if (isXmlMediaType(mediaType)) return typeof value === 'string' || this.#values.accepts('response-body', media.schemaPointer, value);
    if (!isJsonMediaType(mediaType)) return true;
    return this.#values.accepts('response-body', media.schemaPointer, value);
  }

  #serialise(media: MediaTypeSpec, mediaType: string, value: unknown): Buffer {
    if (Buffer.isBuffer(value)) return value;
    if (isXmlMediaType(mediaType)) {
      if (typeof value === 'string') return Buffer.from(value);
      return Buffer.from(toXml(value, media.schema, this.#resolve, this.#rootName(media)));
    }
    if (isJsonMediaType(mediaType) || typeof value !== 'string') return Buffer.from(JSON.stringify(value ?? null));
    return Buffer.from(value);
  }

  #resolve = (ref: string): unknown => resolveRef(this.#document, ref);

  // The component a media type's schema refers to names the root element when `xml.name` does not.
  #rootName(media: MediaTypeSpec): string | undefined {
    const raw = media.schemaPointer ? getAtPointer(this.#document, media.schemaPointer) : undefined;
    const ref = isRecord(raw) && typeof raw['$ref'] === 'string' ? raw['$ref'] : undefined;
    return ref === undefined ? undefined : unescapeToken(ref.split('/').pop()!);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
