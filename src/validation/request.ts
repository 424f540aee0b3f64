import type { HeaderMap } from '../core/index.js';
import type { MediaTypeSpec, Operation } from '../openapi/index.js';
import { deserialiseDeepObject, deserialiseParameter } from './params.js';
import type { SpecValidator } from './spec-validator.js';
import type { Violation } from './violation.js';

/** A request as the validator needs it: routed, decoded, body parsed by the caller. */
export interface RequestInput {
  pathParams: Record<string, string>;
  query: URLSearchParams;
  headers: HeaderMap;
  /** The declared media type the body matched and its parsed value; undefined when no body was sent. */
  body?: { media: MediaTypeSpec; value: unknown } | undefined;
}

export interface RequestValidation {
  violations: Violation[];
  /** Parameter values after deserialisation and coercion, by location and name. */
  params: Record<'path' | 'query' | 'header' | 'cookie', Record<string, unknown>>;
}

/** Checks parameters and body of one request against its operation; never throws for bad input. */
export function validateRequest(validator: SpecValidator, operation: Operation, input: RequestInput): RequestValidation {
  const violations: Violation[] = [];
  const params: RequestValidation['params'] = { path: {}, query: {}, header: {}, cookie: {} };
  const cookies = parseCookies(input.headers.cookie);
  for (const parameter of operation.parameters) {
    let value: unknown;
    if (parameter.in === 'query' && parameter.style === 'deepObject') {
      value = deserialiseDeepObject(parameter, input.query, validator.lookup);
    } else {
      const raw = rawValue(parameter.in, parameter.name, input, cookies);
      if (raw !== undefined) value = deserialiseParameter(parameter, raw, validator.lookup);
    }
    if (value === undefined) {
      if (parameter.required) {
        violations.push({ in: parameter.in, pointer: `/${parameter.name}`, keyword: 'required', message: 'is required' });
      }
      continue;
    }
    params[parameter.in][parameter.name] = value;
    if (parameter.schemaPointer) {
      violations.push(...validator.check(parameter.in, parameter.schemaPointer, value, `/${escape(parameter.name)}`));
    }
  }
  const body = operation.requestBody;
  if (body && input.body === undefined && body.required) {
    violations.push({ in: 'body', pointer: '', keyword: 'required', message: 'is required: this operation needs a request body' });
  } else if (input.body?.media.schemaPointer && isStructured(input.body.media.mediaType)) {
    violations.push(...validator.check('body', input.body.media.schemaPointer, input.body.value));
  }
  return { violations, params };
}

function rawValue(location: string, name: string, input: RequestInput, cookies: Record<string, string>): string | string[] | undefined {
  switch (location) {
    case 'path':
      return input.pathParams[name];
    case 'query': {
      const values = input.query.getAll(name);
      return values.length === 0 ? undefined : values.length === 1 ? values[0] : values;
    }
    case 'header':
      return input.headers[name.toLowerCase()];
    case 'cookie':
      return cookies[name];
    default:
      return undefined;
  }
}

/** JSON, `+json` and form bodies are validated against their schema; other bytes are opaque. */
function isStructured(mediaType: string): boolean {
  const essence = mediaType.split(';')[0]!.trim().toLowerCase();
  return essence === 'application/json' || essence.endsWith('+json') || essence === 'application/x-www-form-urlencoded';
}

function parseCookies(header: string | undefined): Record<string, string> {
  const cookies: Record<string, string> = {};
  for (const pair of (header ?? '').split(';')) {
    const eq = pair.indexOf('=');
    if (eq > 0) cookies[pair.slice(0, eq).trim()] = pair.slice(eq + 1).trim();
  }
  return cookies;
}

function escape(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}
