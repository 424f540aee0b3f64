import type { Check } from './check.js';
import { findingOf, pointerShape } from '../findings/finding.js';

/**
 * Invalid input must be refused with a 4xx. Whether that 4xx is declared is status_code_conformance's
 * business and a 5xx is not_a_server_error's, so each planted bug is reported under one check.
 */
export const negativeDataRejection: Check = {
  name: 'negative_data_rejection',
  description: 'a request one mutation away from valid is refused with a 4xx, never accepted',
  run(exchange) {
    const kind = exchange.generatedAs;
    const { status } = exchange.response;
    if (kind.kind !== 'negative' || status >= 400) return [];
    return [
      findingOf('negative_data_rejection', exchange, {
        title: `Invalid input accepted with ${status}`,
        expected: `a 4xx: the request ${kind.description} (${kind.keyword} at ${kind.pointer})`,
        received: String(status),
        key: `${kind.keyword}:${pointerShape(kind.pointer)}`,
      }),
    ];
  },
};
