import fc from 'fast-check';
import { essence, isJsonMediaType } from '../../core/index.js';
import { hasNegative, negativeArbitrary, type SchemaContext } from '../../generate/index.js';
import type { MediaTypeSpec, Operation, Parameter } from '../../openapi/index.js';
import type { RequestKind } from '../findings/exchange.js';
import { valueOrExamples } from './example-fallback.js';
import type { PathValue, PlannedBody, RequestPlan } from './request-plan.js';

/** Positive requests validate against the operation; negative ones are one mutation away from valid. */
export type RequestMode = 'positive' | 'negative';

const REQUEST = { direction: 'request' } as const;
// Parameters and form fields travel as text: their mutations must stay invalid once read back.
const AS_TEXT = { direction: 'request', text: true } as const;
const FORM = 'application/x-www-form-urlencoded';
// OAS §4.8.12.1: these header parameters are ignored; the runner sets them itself.
const RESERVED_HEADERS = new Set(['accept', 'content-type', 'authorization']);
const POOL_INDEX = fc.nat(255);

type Location = 'path' | 'query' | 'header';
type Part = Record<string, unknown>;
interface Override {
  name: string;
  /** Absent to leave the parameter out. */
  arbitrary?: fc.Arbitrary<unknown>;
}

/**
 * The requests fast-check draws for one operation; undefined when the mode has nothing to offer
 * (no way to make the operation's input invalid). Path ids come from the pool by index.
 */
export function requestArbitrary(operation: Operation, ctx: SchemaContext, mode: RequestMode): fc.Arbitrary<RequestPlan> | undefined {
  const params = operation.parameters.filter(
    (p) => p.in !== 'cookie' && !(p.in === 'header' && RESERVED_HEADERS.has(p.name.toLowerCase())),
  );
  const media = pickMedia(operation.requestBody?.content ?? []);
  // Built once, up front, so a schema the generators cannot satisfy fails here and not mid-run.
  const values = new Map(params.map((param) => [param, valueArbitrary(param, ctx)]));
  const positive = (location: Location, override?: Override) => paramsArbitrary(values, location, override);
  const body = bodyArbitrary(operation, media, ctx);
  const plan = (kind: RequestKind, parts: Partial<Record<Location | 'body', fc.Arbitrary<unknown>>>): fc.Arbitrary<RequestPlan> =>
    fc
      .record({
        path: parts.path ?? positive('path'),
        query: parts.query ?? positive('query'),
        headers: parts.header ?? positive('header'),
        body: parts.body ?? body,
      })
      .map((drawn) => ({
        kind,
        path: drawn.path as Record<string, PathValue>,
        query: drawn.query as Part,
        headers: drawn.headers as Part,
        ...(drawn.body === undefined ? {} : { body: drawn.body as PlannedBody }),
      }));
  if (mode === 'positive') return plan({ kind: 'positive' }, {});

  const candidates: fc.Arbitrary<RequestPlan>[] = [];
  for (const param of params) {
    const location = param.in as Location;
    const negative =
      param.schema && hasNegative(param.schema, ctx, AS_TEXT)
        ? travelling(negativeArbitrary(param.schema, ctx, AS_TEXT), (n) => n !== null && serialisable(param, n.value))
        : undefined;
    if (negative) {
      candidates.push(
        negative.chain((n) =>
          plan(kindOf(n.keyword, `/${param.in}/${param.name}${n.pointer}`, n.description), {
            [location]: positive(location, {
              name: param.name,
              arbitrary: fc.constant(param.in === 'path' ? { value: n.value } : n.value),
            }),
          }),
        ),
      );
    }
    if (param.required && param.in !== 'path') {
      candidates.push(
        plan(kindOf('required', `/${param.in}/${param.name}`, `leaves out the required ${param.in} parameter ${param.name}`), {
          [location]: positive(location, { name: param.name }),
        }),
      );
    }
  }
  const form = media !== undefined && essence(media.mediaType) === FORM;
  const bodyOptions = form ? AS_TEXT : REQUEST;
  if (media?.schema !== undefined && (isJsonMediaType(media.mediaType) || form) && hasNegative(media.schema, ctx, bodyOptions)) {
    // A form is a set of fields: a mutation that is not an object (a wrong type of the whole) cannot
    // travel as one, nor one without fields left (an empty form is no body at all).
    const travels = (value: unknown) => isFields(value) && Object.keys(value as object).length > 0;
    const negative = travelling(negativeArbitrary(media.schema, ctx, bodyOptions), (n) => n !== null && (!form || travels(n.value)));
    candidates.push(
      ...(negative ? [negative] : []).map((arbitrary) =>
        arbitrary.chain((n) =>
          plan(kindOf(n.keyword, `/body${n.pointer}`, n.description), {
            body: fc.constant({ mediaType: media.mediaType, value: n.value, ...(form ? { form: true as const } : {}) }),
          }),
        ),
      ),
    );
  }
  if (operation.requestBody?.required) {
    candidates.push(plan(kindOf('required', '/body', 'leaves out the required body'), { body: fc.constant(undefined) }));
  }
  const content = operation.requestBody?.content ?? [];
  if (media && content.length > 0 && content.every((entry) => isJsonMediaType(entry.mediaType))) {
    const broken = fc.constantFrom('{"', '{"name": }', '[1, 2', 'nul', '{"a":1}}');
    candidates.push(
      broken.chain((raw) =>
        plan(kindOf('json', '/body', 'sends malformed JSON'), { body: fc.constant({ mediaType: media.mediaType, raw }) }),
      ),
    );
  }
  return candidates.length === 0 ? undefined : fc.oneof(...candidates);
}

// How many draws show whether any mutation of a parameter can travel at all.
const PROBE_DRAWS = 40;

/**
 * The values of `arbitrary` that `fits` keeps, or undefined when none of a few draws does (every
 * mutation of a path value would be empty, say): a filter that never passes would never return.
 */
function travelling<T>(arbitrary: fc.Arbitrary<T>, fits: (value: T) => boolean): fc.Arbitrary<T> | undefined {
  const drawn = fc.sample(arbitrary, { numRuns: PROBE_DRAWS, seed: 0 });
  return drawn.some(fits) ? arbitrary.filter(fits) : undefined;
}

function kindOf(keyword: string, pointer: string, description: string): RequestKind {
  return { kind: 'negative', keyword, pointer, description };
}

function valueArbitrary(param: Parameter, ctx: SchemaContext): fc.Arbitrary<unknown> {
  const value = valueOrExamples(param.schema ?? { type: 'string' }, ctx).filter((v) => serialisable(param, v));
  if (param.in !== 'path') return value;
  return fc.oneof(
    { arbitrary: fc.record({ pool: POOL_INDEX, fallback: value }), weight: 4 },
    { arbitrary: value.map((v) => ({ value: v })), weight: 1 },
  );
}

function paramsArbitrary(values: Map<Parameter, fc.Arbitrary<unknown>>, location: Location, override?: Override): fc.Arbitrary<Part> {
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  const required: string[] = [];
  for (const [param, value] of values) {
    if (param.in !== location) continue;
    if (override?.name === param.name) {
      if (!override.arbitrary) continue;
      model[param.name] = override.arbitrary;
      required.push(param.name);
      continue;
    }
    model[param.name] = value;
    if (param.required) required.push(param.name);
  }
  return fc.record(model, { requiredKeys: required }) as fc.Arbitrary<Part>;
}

function bodyArbitrary(operation: Operation, media: MediaTypeSpec | undefined, ctx: SchemaContext): fc.Arbitrary<PlannedBody | undefined> {
  if (!media) return fc.constant(undefined);
  const required = operation.requestBody?.required === true;
  let value: fc.Arbitrary<PlannedBody>;
  const fields =
    essence(media.mediaType) === FORM && media.schema !== undefined
      ? travelling(valueOrExamples(media.schema, ctx, mediaExamples(media)), isFields)
      : undefined;
  if (isJsonMediaType(media.mediaType)) {
    value = valueOrExamples(media.schema ?? {}, ctx, mediaExamples(media)).map((v) => ({ mediaType: media.mediaType, value: v }));
  } else if (fields) {
    value = fields.map((v) => ({ mediaType: media.mediaType, value: v, form: true as const }));
  } else {
    // An empty body is no body: a required one gets at least one byte.
    value = fc.string({ minLength: required ? 1 : 0, maxLength: 64 }).map((raw) => ({ mediaType: media.mediaType, raw }));
  }
  return required ? value : fc.option(value, { nil: undefined });
}

/** JSON bodies first (they carry a schema to generate from), then whatever else is declared. */
function pickMedia(content: MediaTypeSpec[]): MediaTypeSpec | undefined {
  return (
    content.find((entry) => isJsonMediaType(entry.mediaType) && entry.schema !== undefined) ??
    content.find((entry) => isJsonMediaType(entry.mediaType)) ??
    content[0]
  );
}

/**
 * A value that survives the trip into a URL or header: path values must not be empty (that would
 * be another route) nor a dot-segment, which URL parsers remove however it is encoded (RFC 3986
 * §5.2.4, WHATWG URL's double-dot segment), so the request would reach another route.
 */
function serialisable(param: Parameter, value: unknown): boolean {
  if (value === undefined) return false;
  if (param.in === 'path') {
    if (typeof value === 'string' && /^(?:\.|%2e){1,2}$/i.test(value)) return false;
    return value !== '' && value !== null && !(Array.isArray(value) && value.length === 0);
  }
  // RFC 9110 §5.5: visible ASCII, space and tab only; anything else would not even leave the client.
  if (param.in === 'header') return /^[\t\x20-\x7e]*$/.test(typeof value === 'string' ? value : (JSON.stringify(value) ?? ''));
  return true;
}

function isFields(value: unknown): boolean {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function mediaExamples(media: MediaTypeSpec): unknown[] {
  return [...Object.values(media.examples), ...('example' in media ? [media.example] : [])];
}
