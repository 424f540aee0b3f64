import { findResponse } from '../../openapi/index.js';
import type { Check } from './check.js';
import { declaredStatuses, findingOf } from '../findings/finding.js';

/** Every status the target answers must be declared for the operation (exact code, range or default). */
export const statusCodeConformance: Check = {
  name: 'status_code_conformance',
  description: 'the response status is declared for the operation',
  run(exchange) {
    const { status } = exchange.response;
    if (findResponse(exchange.operation, status)) return [];
    return [
      findingOf('status_code_conformance', exchange, {
        title: `Undeclared status ${status}`,
        expected: `one of the declared statuses: ${declaredStatuses(exchange)}`,
        received: String(status),
        key: `status:${status}`,
      }),
    ];
  },
};
