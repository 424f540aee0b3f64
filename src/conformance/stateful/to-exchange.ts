import { isJsonMediaType, type ResponseFacts } from '../../core/index.js';
import type { Exchange, RequestKind } from '../check.js';
import type { StatefulRequest } from './options.js';
import type { Routed } from './route.js';

/** The Exchange of one request and its answer, the body parsed when it claims to be JSON. */
export function toExchange(routed: Routed, request: StatefulRequest, response: ResponseFacts, generatedAs: RequestKind, elapsedMs: number): Exchange {
  const exchange: Exchange = { operation: routed.operation, request, response, generatedAs, elapsedMs };
  if (response.body.length > 0 && isJsonMediaType(response.headers['content-type'])) {
    try {
      exchange.json = JSON.parse(response.body.toString('utf8'));
    } catch (error) {
      exchange.parseError = (error as Error).message;
    }
  }
  return exchange;
}
