import { PROBLEM_MEDIA_TYPE, isJsonMediaType, isProblemMediaType, toProblem, type ProblemDetails } from '../core/index.js';
import { findResponse, resolveRef, type MediaTypeSpec, type Operation } from '../openapi/index.js';
import { UnsatisfiableSchema, sampleValue, type SchemaContext } from '../generate/index.js';
import type { SpecValidator } from '../validation/index.js';
import type { Preferences } from './prefer.js';
import { selectResponse } from './negotiate.js';

export interface MockAnswer {
  status: number;
  headers: Record<string, string>;
  body: Buffer | undefined;
}

const SAMPLE_ATTEMPTS = 8;

/**
 * Answers any operation of any document without state: the document's example for the chosen
 * response, or a value generated from its schema, always checked against that schema first.
 * Static answers are computed once per operation, status and media type.
 */
export class StatelessResponder {
  #validator: SpecValidator;
  #context: SchemaContext;
  #cache = new Map<string, MockAnswer>();

  constructor(validator: SpecValidator) {
    const spec = validator.spec;
    this.#validator = validator;
    this.#context = {
      dialect: spec.version === '3.0' ? 'oas30' : 'oas31',
      resolveRef: (ref) => resolveRef(spec.document, ref),
    };
  }

  answer(operation: Operation, preferences: Preferences, accept: string | undefined): MockAnswer | ProblemDetails {
    const selection = selectResponse(operation, preferences, accept);
    if (!selection.ok) return selection.problem;
    const { status, media } = selection;
    const key = `${operation.pointer} ${status} ${media?.mediaType ?? ''} ${preferences.example ?? ''}`;
    if (!preferences.dynamic) {
      const cached = this.#cache.get(key);
      if (cached) return cached;
    }
    let value: unknown;
    if (media) {
      const chosen = this.#body(media, preferences);
      if (chosen === undefined) {
        return toProblem(
          'example_not_found',
          `no example named '${preferences.example}' is declared for ${operation.method} ${operation.path} ${status}`,
        );
      }
      value = chosen.value;
    }
    const headers: Record<string, string> = {};
    for (const [name, header] of Object.entries(selection.response.headers)) {
      if (!header.required || !header.schema) continue;
      try {
        headers[name] = String(sampleValue(header.schema, this.#context, { direction: 'response', seed: 1 }));
      } catch {
        // An unsatisfiable header schema: leave the header out rather than fail the answer.
      }
    }
    const answer = { status, headers, body: media ? this.#serialise(media, value) : undefined };
    if (media) headers['content-type'] = media.mediaType;
    if (!preferences.dynamic) this.#cache.set(key, answer);
    return answer;
  }

  /** Fits a problem to the schema an operation declares for its status, so it validates. */
  fitProblem(operation: Operation, problem: ProblemDetails): { body: ProblemDetails; mediaType: string } {
    const declared = findResponse(operation, problem.status)?.content ?? [];
    const media =
      declared.find((entry) => isProblemMediaType(entry.mediaType)) ?? declared.find((entry) => isJsonMediaType(entry.mediaType));
    // problem+json unless the document declares another JSON media type for this status, whose
    // schema the body then follows too: what the document promises wins over our convention.
    const mediaType = media && !media.mediaType.includes('*') ? media.mediaType : PROBLEM_MEDIA_TYPE;
    return { body: this.#fitBody(media, problem), mediaType };
  }

  #fitBody(media: MediaTypeSpec | undefined, problem: ProblemDetails): ProblemDetails {
    if (!media?.schemaPointer || !media.schema) return problem;
    if (this.#validator.check('response-body', media.schemaPointer, problem).length === 0) return problem;
    // Keep every problem member the declared schema tolerates, and fill the rest from a valid sample.
    const sample = this.#sample(media, 1);
    const fitted: Record<string, unknown> = sample !== null && typeof sample === 'object' && !Array.isArray(sample) ? { ...sample } : {};
    for (const [member, value] of Object.entries(problem)) {
      const candidate = { ...fitted, [member]: value };
      if (this.#validator.check('response-body', media.schemaPointer, candidate).length === 0) fitted[member] = value;
    }
    return fitted as ProblemDetails;
  }

  #body(media: MediaTypeSpec, preferences: Preferences): { value: unknown } | undefined {
    if (preferences.example !== undefined) {
      return preferences.example in media.examples ? { value: media.examples[preferences.example] } : undefined;
    }
    if (preferences.dynamic) return { value: this.#sample(media, Math.floor(Math.random() * 2 ** 31)) };
    const candidates: unknown[] = [];
    if ('example' in media) candidates.push(media.example);
    candidates.push(...Object.values(media.examples));
    const schema = media.schema;
    if (schema && 'example' in schema) candidates.push(schema.example);
    if (schema && Array.isArray(schema.examples)) candidates.push(...schema.examples);
    for (const candidate of candidates) if (this.#valid(media, candidate)) return { value: candidate };
    return { value: this.#sample(media, 0) };
  }

  #sample(media: MediaTypeSpec, seed: number): unknown {
    if (!media.schema) return {};
    let value: unknown;
    for (let attempt = 0; attempt < SAMPLE_ATTEMPTS; attempt++) {
      try {
        value = sampleValue(media.schema, this.#context, { direction: 'response', seed: seed + attempt });
      } catch (error) {
        // A schema no value satisfies (a required self-reference): answer with what we have.
        if (error instanceof UnsatisfiableSchema) return value ?? null;
        throw error;
      }
      if (this.#valid(media, value)) return value;
    }
    return value;
  }

  #valid(media: MediaTypeSpec, value: unknown): boolean {
    if (!media.schemaPointer || !isJsonMediaType(media.mediaType)) return true;
    return this.#validator.check('response-body', media.schemaPointer, value).length === 0;
  }

  #serialise(media: MediaTypeSpec, value: unknown): Buffer {
    if (Buffer.isBuffer(value)) return value;
    if (isJsonMediaType(media.mediaType) || typeof value !== 'string') return Buffer.from(JSON.stringify(value ?? null));
    return Buffer.from(value);
  }
}
