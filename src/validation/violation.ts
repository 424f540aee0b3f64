import type { ErrorObject } from 'ajv';
import type { ProblemError } from '../core/index.js';

/** Where in the exchange a violation was found. */
export type ViolationLocation = 'path' | 'query' | 'header' | 'cookie' | 'body' | 'response-body' | 'response-header';

/** One broken rule, with the JSON pointer of the offending value inside its location. */
export interface Violation {
  in: ViolationLocation;
  /** RFC 6901 pointer inside the location (`/tags/0/id`), `''` for the whole value. */
  pointer: string;
  keyword: string;
  message: string;
  /** Where the rule broken lives in the document (`#/components/schemas/App/properties/name/maxLength`), when known. */
  schema?: string;
}

/** Turns one Ajv error into a violation, pointing `required` failures at the missing member. */
export function fromAjvError(location: ViolationLocation, error: ErrorObject, prefix = '', schema?: string): Violation {
  let pointer = prefix + error.instancePath;
  let message = error.message ?? 'is invalid';
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'required' && typeof params.missingProperty === 'string') {
    pointer += '/' + params.missingProperty.replace(/~/g, '~0').replace(/\//g, '~1');
    message = 'is required';
  } else if (error.keyword === 'additionalProperties' && typeof params.additionalProperty === 'string') {
    pointer += '/' + params.additionalProperty.replace(/~/g, '~0').replace(/\//g, '~1');
    message = 'is not allowed';
  } else if (error.keyword === 'enum' && Array.isArray(params.allowedValues)) {
    message = `must be one of ${params.allowedValues.map((value) => JSON.stringify(value)).join(', ')}`;
  }
  return { in: location, pointer, keyword: error.keyword, message, ...(schema === undefined ? {} : { schema }) };
}

/**
 * Problem `errors` entries: the pointer addresses a virtual request document `{path, query,
 * header, cookie, body}`, so `#/body/name` and `#/query/window` cannot be confused.
 */
export function toProblemErrors(violations: readonly Violation[]): ProblemError[] {
  return violations.map((violation) => {
    const pointer = `#/${violation.in}${violation.pointer}`;
    const where = describe(violation);
    return { pointer, detail: `${where} ${violation.message}` };
  });
}

/** A human name for where a violation is: `body`, `body.name`, `query parameter window`. */
export function describe(violation: Violation): string {
  const path = violation.pointer
    .split('/')
    .slice(1)
    .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (violation.in === 'body' || violation.in === 'response-body') return path.length ? path.join('.') : 'body';
  const kind = violation.in === 'header' || violation.in === 'response-header' ? 'header' : `${violation.in} parameter`;
  return `${kind} ${path[0] ?? ''}${path.length > 1 ? '.' + path.slice(1).join('.') : ''}`.trim();
}
