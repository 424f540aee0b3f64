import { essence, isJsonMediaType, mediaTypeMatches, type HeaderMap } from '../core/index.js';
import { findResponse, type Operation } from '../openapi/index.js';
import type { SpecValidator } from './spec-validator.js';
import type { Violation } from './violation.js';

export interface ResponseInput {
  status: number;
  headers: HeaderMap;
  /** Parsed JSON body for JSON media types, undefined for an empty body. */
  body: unknown;
}

export interface ResponseValidation {
  /** False when the status is not declared at all (no exact code, range or default). */
  statusDeclared: boolean;
  /** False when a body was sent in a media type the response does not declare. */
  mediaTypeDeclared: boolean;
  violations: Violation[];
}

/** Checks a response's media type, required headers and body schema against its operation. */
export function validateResponse(validator: SpecValidator, operation: Operation, input: ResponseInput): ResponseValidation {
  const declared = findResponse(operation, input.status);
  if (!declared) return { statusDeclared: false, mediaTypeDeclared: true, violations: [] };
  const violations: Violation[] = [];
  for (const [name, header] of Object.entries(declared.headers)) {
    const value = input.headers[name];
    if (value === undefined) {
      if (header.required) violations.push({ in: 'response-header', pointer: `/${name}`, keyword: 'required', message: 'is required' });
    }
  }
  const contentType = input.headers['content-type'];
  const hasBody = input.body !== undefined;
  if (declared.content.length === 0) return { statusDeclared: true, mediaTypeDeclared: !hasBody || !contentType, violations };
  if (!hasBody) return { statusDeclared: true, mediaTypeDeclared: true, violations };
  const actual = essence(contentType) ?? '';
  const media =
    declared.content.find((entry) => essence(entry.mediaType) === actual) ??
    declared.content.find((entry) => mediaTypeMatches(entry.mediaType, actual));
  if (!media) return { statusDeclared: true, mediaTypeDeclared: false, violations };
  if (media.schemaPointer && isJsonMediaType(actual)) violations.push(...validator.check('response-body', media.schemaPointer, input.body));
  return { statusDeclared: true, mediaTypeDeclared: true, violations };
}
