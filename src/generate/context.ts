import { SpecError } from '../core/index.js';

/** How a generator reads `$ref`s and dialect-specific keywords of an OpenAPI Schema Object. */
export interface SchemaContext {
  /** 'oas30' or 'oas31' decides how nullable/exclusive* is read. */
  dialect: 'oas30' | 'oas31';
  /** Resolves a `$ref` string (e.g. '#/components/schemas/Pet') to the schema it points at. */
  resolveRef(ref: string): unknown;
}

/** Options shared by every generator in this folder. */
export interface GenerateOptions {
  /** 'request' leaves out readOnly properties; 'response' leaves out writeOnly ones. */
  direction: 'request' | 'response';
  /** Nesting depth after which only the smallest valid choices are made (default 4). */
  maxDepth?: number;
  /** Cap for arrays with no maxItems (default 3). */
  maxItems?: number;
  /**
   * 'first': a valid documented `example`, `examples` entry or `default` at any level is the value
   * (a static mock answer, as the document says); 'sometimes' (default): documented scalars show up
   * now and then among generated values.
   */
  examples?: 'first' | 'sometimes';
  /** 'all': every optional property the schema allows is present; 'some' (default): a random subset. */
  optional?: 'all' | 'some';
  /**
   * Values a person reads (mock answers): strings that look like their property name, small
   * non-negative numbers. Off by default, where generators explore Unicode and edges.
   */
  readable?: boolean;
  /**
   * The value travels as text (a path, query or header parameter, a form field) and is read back
   * by the schema's type (`"42"` is a number for an integer): negative values are then only those
   * whose text still breaks the schema, never a number "mutation" of a string.
   */
  text?: boolean;
}

/** A schema in the dialect-neutral form every generator works on (see normalize.ts). */
export type Schema = Record<string, unknown>;

/** Raised when a schema admits no value (or none the generator can find). */
export class UnsatisfiableSchema extends SpecError {
  constructor(detail: string) {
    super(`schema admits no value: ${detail}`);
  }
}

/** Everything a build step needs to know about where it is. */
export interface BuildState {
  readonly ctx: SchemaContext;
  readonly direction: 'request' | 'response';
  readonly maxDepth: number;
  readonly maxItems: number;
  readonly examples: 'first' | 'sometimes';
  readonly optional: 'all' | 'some';
  readonly readable: boolean;
  readonly text: boolean;
  /** The name of the property whose value is being built (array items keep their array's name). */
  readonly property?: string;
  /** Structural nesting (object property or array item) below the root. */
  readonly depth: number;
  /** Memo of built arbitraries for this top-level call, keyed by ref and depth. */
  readonly memo: Map<string, unknown>;
}

/** Beyond maxDepth + this slack a required recursion is declared unsatisfiable. */
export const DEPTH_SLACK = 8;

/** Creates the root state for one top-level call. */
export function rootState(ctx: SchemaContext, options: GenerateOptions): BuildState {
  return {
    ctx,
    direction: options.direction,
    maxDepth: options.maxDepth ?? 4,
    maxItems: options.maxItems ?? 3,
    examples: options.examples ?? 'sometimes',
    optional: options.optional ?? 'some',
    readable: options.readable ?? false,
    text: options.text ?? false,
    depth: 0,
    memo: new Map(),
  };
}

/** The state one structural level deeper; past the hard limit recursion cannot be satisfied. */
export function deeper(state: BuildState): BuildState {
  if (state.depth + 1 > state.maxDepth + DEPTH_SLACK) {
    throw new UnsatisfiableSchema('required recursion never bottoms out');
  }
  return { ...state, depth: state.depth + 1 };
}

/** True once the depth limit is reached and generators must make the smallest valid choice. */
export function isMinimal(state: BuildState): boolean {
  return state.depth >= state.maxDepth;
}

/** True for a plain (non-array) object. */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The last segment of a `$ref`, used as the default discriminator value (OAS 3.x §4.8.25). */
export function refName(ref: string): string {
  const segments = ref.split('/');
  return decodeURIComponent(segments[segments.length - 1] ?? ref);
}

/** Whether a property schema must be left out for this direction (OAS readOnly/writeOnly). */
export function isHiddenFor(schema: Schema, direction: 'request' | 'response'): boolean {
  return direction === 'request' ? schema['readOnly'] === true : schema['writeOnly'] === true;
}
