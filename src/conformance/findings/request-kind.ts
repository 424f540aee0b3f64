import { decodePathParams, type HeaderMap } from '../../core/index.js';
import type { Operation } from '../../openapi/index.js';
import { decodeBody, describe, validateRequest, type SpecValidator } from '../../validation/index.js';
import type { RequestKind } from './exchange.js';

/** A request as it went on the wire, routed to its operation. */
export interface WireRequest {
  path: string;
  /** Path values as sent (still percent-encoded). */
  rawPathParams: Record<string, string>;
  /** The query string without `?`. */
  query: string;
  headers: HeaderMap;
  body?: Buffer | undefined;
}

/**
 * What a request is by the document, read the way a spec-driven server reads it (percent-decoding,
 * the body decoded by its media type and parsed strictly, the same validator): valid input, or
 * invalid with the first rule it breaks. The live runner and the offline checks judge requests by
 * it, so a mutation that did not survive serialisation (a number in a string parameter is still
 * the string "42") is never called invalid input.
 */
export function requestKindOf(validator: SpecValidator, operation: Operation, request: WireRequest): RequestKind {
  const decoded = decodePathParams(request.rawPathParams);
  if (!decoded.ok) {
    const { name } = decoded;
    return { kind: 'negative', keyword: 'format', pointer: `/path/${name}`, description: `has malformed percent-encoding in ${name}` };
  }
  const raw = request.body && request.body.length > 0 ? request.body : undefined;
  const body = decodeBody(operation, request.headers['content-type'], raw, request.path);
  if (!body.ok) {
    const media = body.problem.status === 415;
    return {
      kind: 'negative',
      keyword: media ? 'contentMediaType' : 'type',
      pointer: media ? '/header/content-type' : '/body',
      description: media ? 'sends a body of a media type the operation does not declare' : 'sends a body that is not JSON',
    };
  }
  const { violations } = validateRequest(validator, operation, {
    pathParams: decoded.params,
    query: new URLSearchParams(request.query),
    headers: request.headers,
    body: body.body,
  });
  const first = violations[0];
  if (!first) return { kind: 'positive' };
  return {
    kind: 'negative',
    keyword: first.keyword,
    pointer: `/${first.in}${first.pointer}`,
    description: `${describe(first)} ${first.message}`,
  };
}
