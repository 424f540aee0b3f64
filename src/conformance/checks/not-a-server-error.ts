import type { Check } from './check.js';
import { findingOf } from '../findings/finding.js';

/** No input, valid or not, may make the server fail with a 5xx. */
export const notAServerError: Check = {
  name: 'not_a_server_error',
  description: 'no request, valid or invalid, is answered with a 5xx',
  run(exchange) {
    const { status } = exchange.response;
    if (status < 500) return [];
    return [
      findingOf('not_a_server_error', exchange, {
        title: `Server error ${status}`,
        expected: 'a status below 500 for any input',
        received: `${status}${exchange.generatedAs.kind === 'negative' ? ` for invalid input (${exchange.generatedAs.description})` : ''}`,
        key: `status:${status}`,
      }),
    ];
  },
};
