import { canonicalJson, getAtPointer, parsePointer, toPointer } from '../../core/index.js';
import { resolveRef, type LoadedSpec } from '../../openapi/index.js';
import { validateResponse, type Violation } from '../../validation/index.js';
import type { Exchange } from '../findings/exchange.js';
import { findingOf, pointerShape, type Finding } from '../findings/finding.js';
import type { Check } from './check.js';
import { documentValues, isDocumentValue, type DocumentValues } from './document-values.js';

const NAME = 'response_schema_conformance';

/**
 * A JSON body validates against the schema declared for its status and media type (Ajv, every
 * violation with its pointer). A violation inside a value the document itself gives as an example
 * or default is the document contradicting its own schema: a document warning, once per example.
 */
export const responseSchemaConformance: Check = {
  name: NAME,
  description: 'a JSON response body validates against its declared schema',
  run(exchange, context) {
    const { response } = exchange;
    if (exchange.parseError !== undefined) {
      return [
        findingOf(NAME, exchange, {
          title: 'Body is not valid JSON',
          expected: `JSON, as ${response.headers['content-type']} promises`,
          received: exchange.parseError,
          key: `${response.status}:json`,
        }),
      ];
    }
    const result = validateResponse(context.validator, exchange.operation, {
      status: response.status,
      headers: response.headers,
      body: exchange.json,
    });
    if (!result.statusDeclared || !result.mediaTypeDeclared || result.violations.length === 0) return [];
    const values = documentValues(context.spec, exchange.operation, response.status, response.headers['content-type']);
    const fromDocument: Array<{ violation: Violation; example: unknown }> = [];
    const own: Violation[] = [];
    for (const violation of result.violations) {
      const example = documentExampleOf(context.spec, values, exchange.json, violation);
      if (example === NOT_FROM_DOCUMENT) own.push(violation);
      else fromDocument.push({ violation, example });
    }
    const findings: Finding[] = [];
    if (own.length > 0) findings.push(schemaFinding(exchange, own));
    const seen = new Set<string>();
    for (const { violation, example } of fromDocument) {
      const key = `example:${violation.keyword}:${canonicalJson(example)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      findings.push(
        findingOf(NAME, exchange, {
          title: `The document's example contradicts its schema`,
          expected: `examples and defaults valid against the schema declared for ${response.status}`,
          received: `${violation.pointer || '(root)'} ${violation.message} [${violation.keyword}], in the document's value ${clip(canonicalJson(example))}`,
          key,
          violations: [violation],
          severity: 'warning',
          scope: 'api',
        }),
      );
    }
    return findings;
  },
};

function schemaFinding(exchange: Exchange, violations: Violation[]): Finding {
  const { status } = exchange.response;
  const shape = [...new Set(violations.map((v) => `${v.in}${pointerShape(v.pointer)}:${v.keyword}`))].sort().join(',');
  const first = violations[0]!;
  return findingOf(NAME, exchange, {
    title: `Response ${status} does not match its schema`,
    expected: `a body valid against the schema declared for ${status}`,
    received: `${violations.length} violation(s), first: ${first.pointer || '(root)'} ${first.message}`,
    key: `${status}:${shape}`,
    violations,
  });
}

const NOT_FROM_DOCUMENT = Symbol('not from the document');
// Keywords that point at a member of the object that breaks them, not at the object itself.
const MEMBER_KEYWORDS = new Set(['required', 'additionalProperties', 'unevaluatedProperties', 'dependentRequired']);

/**
 * The document's value a violation lies in: the value it breaks, when the schema that owns the
 * broken keyword offers it as its example or default; else the closest enclosing object or array
 * that is one of the document's examples.
 */
function documentExampleOf(spec: LoadedSpec, values: DocumentValues, body: unknown, violation: Violation): unknown {
  const tokens = parsePointer(violation.pointer);
  if (MEMBER_KEYWORDS.has(violation.keyword)) tokens.pop();
  const own = getAtPointer(body, toPointer(tokens));
  if (violation.schema && ownerOffers(spec, violation.schema, own)) return own;
  for (let depth = tokens.length; depth >= 0; depth--) {
    const value = getAtPointer(body, toPointer(tokens.slice(0, depth)));
    if (value !== null && typeof value === 'object' && isDocumentValue(values, value)) return value;
  }
  return NOT_FROM_DOCUMENT;
}

function ownerOffers(spec: LoadedSpec, schemaPointer: string, value: unknown): boolean {
  if (value === undefined) return false;
  const owner = resolveRef(spec.document, schemaPointer.replace(/\/[^/]*$/, ''));
  if (owner === null || typeof owner !== 'object') return false;
  const node = owner as Record<string, unknown>;
  const offered = [
    ...('example' in node ? [node['example']] : []),
    ...(Array.isArray(node['examples']) ? node['examples'] : []),
    ...('default' in node ? [node['default']] : []),
  ];
  const wanted = canonicalJson(value);
  return offered.some((candidate) => canonicalJson(candidate) === wanted);
}

function clip(text: string): string {
  return text.length > 120 ? `${text.slice(0, 120)}…` : text;
}
