import { UnsatisfiableSchema, createSampler, type GenerateOptions, type Sampler, type SchemaContext } from '../generate/index.js';
import type { SpecValidator } from '../validation/index.js';

/** Static answers say what the document says; dynamic ones (`Prefer: dynamic=true`) are generated anew. */
export type AnswerMode = 'static' | 'dynamic';

/** Where a value goes, which decides how readOnly/writeOnly `required` is read. */
export type ValueLocation = 'response-body' | 'response-header';

const READABLE = { direction: 'response', optional: 'all', readable: true } as const;

// Most to least like the document: a step that builds nothing, or nothing the validator accepts,
// gives way to the next (a documented default that contradicts its schema, every optional property
// together breaking a oneOf), down to plain generation.
const LADDERS: Record<AnswerMode, readonly GenerateOptions[]> = {
  static: [{ ...READABLE, examples: 'first' }, READABLE, { direction: 'response', readable: true }, { direction: 'response' }],
  dynamic: [READABLE, { direction: 'response', readable: true }, { direction: 'response' }],
};

const ATTEMPTS = 3;

/**
 * Values for the schemas of one document, each checked by the validator before it is used. The
 * generators are built once per schema and mode (per operation, status and media type) and sampled
 * per answer, so a dynamic answer costs a draw and a validation, not a build.
 */
export class SchemaValues {
  #validator: SpecValidator;
  #context: SchemaContext;
  /** Built lazily, step by step; null marks a step whose schema admits no value. */
  #samplers = new Map<string, Sampler | null>();

  constructor(validator: SpecValidator, context: SchemaContext) {
    this.#validator = validator;
    this.#context = context;
  }

  /** A value the schema at `pointer` accepts; the last one drawn if none does, null if the schema admits none. */
  draw(schema: unknown, pointer: string, location: ValueLocation, mode: AnswerMode, seed: number): unknown {
    let last: unknown = null;
    for (let step = 0; step < LADDERS[mode].length; step++) {
      const key = `${mode}:${step} ${pointer}`;
      const sampler = this.#sampler(key, schema, LADDERS[mode][step]!);
      for (let attempt = 0; sampler && attempt < ATTEMPTS; attempt++) {
        let value: unknown;
        try {
          value = sampler(seed + attempt);
        } catch (error) {
          // Some subschemas are only built while sampling; one that admits no value ends this step.
          if (!(error instanceof UnsatisfiableSchema)) throw error;
          this.#samplers.set(key, null);
          break;
        }
        if (this.accepts(location, pointer, value)) return value;
        last = value;
      }
    }
    return last;
  }

  /** Whether the validator accepts `value` for the schema at `pointer`. */
  accepts(location: ValueLocation, pointer: string, value: unknown): boolean {
    return this.#validator.check(location, pointer, value).length === 0;
  }

  #sampler(key: string, schema: unknown, options: GenerateOptions): Sampler | null {
    let sampler = this.#samplers.get(key);
    if (sampler === undefined) {
      try {
        sampler = createSampler(schema, this.#context, options);
      } catch (error) {
        if (!(error instanceof UnsatisfiableSchema)) throw error;
        sampler = null;
      }
      this.#samplers.set(key, sampler);
    }
    return sampler;
  }
}
