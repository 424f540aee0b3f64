import type { ResponseFacts } from '../../core/index.js';
import { responseJson, type Exchange, type RequestKind } from '../findings/exchange.js';
import type { StatefulRequest } from './options.js';
import type { Routed } from './route.js';

/** The Exchange of one request and its answer, the body parsed when it claims to be JSON. */
export function toExchange(
  routed: Routed,
  request: StatefulRequest,
  response: ResponseFacts,
  generatedAs: RequestKind,
  elapsedMs: number,
): Exchange {
  return { operation: routed.operation, request, response, generatedAs, elapsedMs, ...responseJson(response) };
}
