import { essence, isJsonMediaType, type HeaderMap } from '../core/index.js';
import type { MediaTypeSpec, Operation } from '../openapi/index.js';
import { parseCookies } from './cookies.js';
import { FormFields } from './form-body.js';
import { rawQueryValues, searchParamValues, type ParameterSource } from './parameter-source.js';
import { StyleMismatch } from './params.js';
import { requestPlan } from './request-plan.js';
import { reservedViolations } from './reserved.js';
import type { SpecValidator } from './spec-validator.js';
import type { Violation } from './violation.js';

/** A request as the validator needs it: routed, decoded, body parsed by the caller. */
export interface RequestInput {
  /** Path values, percent-decoded. */
  pathParams: Record<string, string>;
  /** Query values, percent-decoded. */
  query: URLSearchParams;
  /**
   * Path values and the query as sent, still percent-encoded: delimiters are then told from escaped
   * data, and `allowReserved` is checked. Without them the decoded values are split as they are.
   */
  raw?: { pathParams: Record<string, string>; query: string } | undefined;
  headers: HeaderMap;
  /** The declared media type the body matched and its parsed value (a form as {@link FormFields}); undefined when no body was sent. */
  body?: { media: MediaTypeSpec; value: unknown } | undefined;
}

export interface RequestValidation {
  violations: Violation[];
  /** Parameter values after deserialisation and coercion, by location and name. */
  params: Record<'path' | 'query' | 'header' | 'cookie', Record<string, unknown>>;
  /** The body as validated: a form's fields typed by its schema, any other body as given. */
  body?: unknown;
}

/** Checks parameters and body of one request against its operation; never throws for bad input. */
export function validateRequest(validator: SpecValidator, operation: Operation, input: RequestInput): RequestValidation {
  const plan = requestPlan(operation, validator.lookup);
  const violations: Violation[] = [];
  const params: RequestValidation['params'] = { path: {}, query: {}, header: {}, cookie: {} };
  const query = input.raw ? rawQueryValues(input.raw.query) : searchParamValues(input.query);
  const source: ParameterSource = {
    path: input.raw?.pathParams ?? input.pathParams,
    query,
    headers: input.headers,
    cookies: plan.readsCookies ? parseCookies(input.headers.cookie) : NO_COOKIES,
    encoded: input.raw !== undefined,
  };
  for (const { parameter, read, pointer } of plan.parameters) {
    const value = read(source);
    if (value === undefined) {
      if (parameter.required) violations.push({ in: parameter.in, pointer, keyword: 'required', message: 'is required' });
      continue;
    }
    if (value instanceof StyleMismatch) {
      violations.push({ in: parameter.in, pointer, keyword: 'style', message: value.message });
      continue;
    }
    params[parameter.in][parameter.name] = value;
    if (parameter.schemaPointer) violations.push(...validator.check(parameter.in, parameter.schemaPointer, value, pointer));
  }
  if (input.raw) violations.push(...reservedViolations(query, plan.reserved));
  const body = operation.requestBody;
  if (input.body === undefined) {
    if (body?.required) violations.push({ in: 'body', pointer: '', keyword: 'required', message: 'is required: this operation needs a request body' });
    return { violations, params };
  }
  let value = input.body.value;
  const { media } = input.body;
  if (value instanceof FormFields) {
    const form = plan.formReader(media)(value);
    violations.push(...form.violations);
    value = form.value;
  }
  if (media.schemaPointer && isStructured(media.mediaType)) violations.push(...validator.check('body', media.schemaPointer, value));
  return { violations, params, body: value };
}

const NO_COOKIES: ReadonlyMap<string, readonly string[]> = new Map();

/** JSON, `+json` and form bodies are validated against their schema; other bytes are opaque. */
function isStructured(mediaType: string): boolean {
  const type = essence(mediaType);
  return isJsonMediaType(mediaType) || type === 'application/x-www-form-urlencoded' || type === 'multipart/form-data';
}
