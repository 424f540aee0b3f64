import type { Check } from './check.js';
import { findingOf } from '../findings/finding.js';

/**
 * A request sent with missing or wrong credentials (the API key, a resource's own token) must be
 * answered 401. Credentials are checked in one layer, so each variant let through is one finding.
 */
export const ignoredAuth: Check = {
  name: 'ignored_auth',
  description: 'missing or wrong credentials are refused with 401',
  run(exchange) {
    const kind = exchange.generatedAs;
    const { status } = exchange.response;
    if (kind.kind !== 'auth' || status === 401) return [];
    return [
      findingOf('ignored_auth', exchange, {
        title: `Request with ${kind.variant} answered ${status}`,
        expected: `401 for a request with ${kind.variant}`,
        received: String(status),
        key: kind.variant,
        scope: 'api',
      }),
    ];
  },
};
