import type { Check } from './check.js';
import { findingOf } from '../findings/finding.js';

/** Every answer arrives within the time the run allows (Schemathesis' max_response_time); runs only when a limit is given. */
export const maxResponseTime: Check = {
  name: 'max_response_time',
  description: 'every answer arrives within --max-response-time',
  needs: 'maxResponseTimeMs',
  run(exchange, context) {
    const limit = context.maxResponseTimeMs;
    if (limit === undefined || exchange.elapsedMs <= limit) return [];
    return [
      findingOf('max_response_time', exchange, {
        title: `Answered in ${exchange.elapsedMs} ms`,
        expected: `an answer within ${limit} ms`,
        received: `${exchange.response.status} after ${exchange.elapsedMs} ms`,
        key: 'slow',
      }),
    ];
  },
};
