import type { HeaderMap, RequestFacts, ResponseFacts } from '../../core/index.js';
import type { Operation } from '../../openapi/index.js';
import type { Violation } from '../../validation/index.js';
import { MAX_CAPTURED_BODY } from './capture.js';
import { violationHint } from './violation-hint.js';

/** One violation as the page shows it: where, which rule of the document, and how to fix it. */
export interface ViolationView {
  in: Violation['in'];
  pointer: string;
  keyword: string;
  message: string;
  /** The document pointer of the rule broken, or of the operation when the rule is not a schema's. */
  schema: string;
  hint: string;
}

/** One line of the live request log (the `request` event). */
export interface RequestSummary {
  id: number;
  at: string;
  method: string;
  path: string;
  query: string;
  status: number;
  ms: number;
  operation: string | undefined;
  violations: ViolationView[];
}

/** One side of an exchange in full, secrets redacted; a body is text, or base64 when it is not UTF-8. */
export interface MessageView {
  headers: HeaderMap;
  body?: string;
  encoding?: 'base64';
  /** Set when the body was longer than the dashboard keeps; it is then not shown at all. */
  omitted?: string;
}

/** Both sides of one exchange (`GET /__mock/exchanges/{id}`). */
export interface ExchangeDetail {
  id: number;
  request: MessageView & { method: string; path: string; query: string };
  response: MessageView & { status: number };
  violations: ViolationView[];
}

/** Redacts an exchange before it is shown; the CLI hands in the HAR recorder's redactor. */
export type RedactExchange = (request: RequestFacts, response: ResponseFacts) => { request: RequestFacts; response: ResponseFacts };

/** The violations of one request with their document location and hint. */
export function viewViolations(violations: readonly Violation[], operation: Operation | undefined, document: unknown): ViolationView[] {
  return violations.map((violation) => ({
    in: violation.in,
    pointer: violation.pointer,
    keyword: violation.keyword,
    message: violation.message,
    schema: violation.schema ?? fallbackLocation(violation, operation),
    hint: violationHint(violation, document),
  }));
}

// A missing parameter or body breaks a rule of the operation itself, not of a schema.
function fallbackLocation(violation: Violation, operation: Operation | undefined): string {
  if (!operation) return '#';
  if (violation.in === 'body' && violation.keyword === 'required') return `${operation.pointer}/requestBody/required`;
  return operation.pointer;
}

/** A side of an exchange for the page: a body cut short by the capture is withheld, since it could not be redacted whole. */
export function viewMessage(headers: HeaderMap, body: Buffer | undefined, size: number): MessageView {
  if (size > MAX_CAPTURED_BODY) return { headers, omitted: `${size} bytes, more than the ${MAX_CAPTURED_BODY} the dashboard keeps` };
  if (!body || body.length === 0) return { headers };
  try {
    return { headers, body: new TextDecoder('utf-8', { fatal: true }).decode(body) };
  } catch {
    return { headers, body: body.toString('base64'), encoding: 'base64' };
  }
}
