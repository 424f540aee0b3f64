import { validateResponse } from '../../validation/index.js';
import type { Check } from './check.js';
import { findingOf, pointerShape } from '../findings/finding.js';

/** A JSON body validates against the schema declared for its status and media type (Ajv, every violation with its pointer). */
export const responseSchemaConformance: Check = {
  name: 'response_schema_conformance',
  description: 'a JSON response body validates against its declared schema',
  run(exchange, context) {
    const { response } = exchange;
    if (exchange.parseError !== undefined) {
      return [
        findingOf('response_schema_conformance', exchange, {
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
    const shape = [...new Set(result.violations.map((v) => `${v.in}${pointerShape(v.pointer)}:${v.keyword}`))].sort().join(',');
    const first = result.violations[0]!;
    return [
      findingOf('response_schema_conformance', exchange, {
        title: `Response ${response.status} does not match its schema`,
        expected: `a body valid against the schema declared for ${response.status}`,
        received: `${result.violations.length} violation(s), first: ${first.pointer || '(root)'} ${first.message}`,
        key: `${response.status}:${shape}`,
        violations: result.violations,
      }),
    ];
  },
};
