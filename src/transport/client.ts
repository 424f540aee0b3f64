import type { Dispatcher } from 'undici';
import { createAgent } from './agent.js';
import { createConcurrencyGate } from './concurrency-gate.js';
import { isTransportFailure, type TransportFailure } from './failure.js';
import { createRateLimiter, sleep } from './rate-limiter.js';
import { parseRetryAfter } from './retry-after.js';
import { send, type OutgoingRequest, type TimedResponse } from './send.js';

export interface HttpClientOptions {
  /** Injected for tests (MockAgent) or recording; default a bounded keep-alive Agent owned by the client. */
  dispatcher?: Dispatcher;
  timeoutMs: number;
  maxBodyBytes?: number;
  /** Requests per second (token bucket); 0 or undefined for no limit. */
  rate?: number;
  /** Requests in flight at once (default 8). */
  concurrency?: number;
  /** How often a 429/503 with Retry-After is retried (default 2). */
  maxRetries?: number;
  /** A Retry-After longer than this is not waited for (default 10 s). */
  maxRetryWaitMs?: number;
  signal?: AbortSignal;
}

/** A response after retries, with how many 429/503 answers were retried away. */
export type ClientResult = (TimedResponse & { retries: number }) | TransportFailure;

/** The rate-limited, bounded, retrying sender the runner uses for every request. */
export interface HttpClient {
  send(request: OutgoingRequest): Promise<ClientResult>;
  /** Destroys the default agent (and its hung sockets); an injected dispatcher is left to its owner. */
  close(): Promise<void>;
}

const RETRIED = new Set([429, 503]);

/** Creates the client: rate limit → concurrency gate → send → Retry-After retries. */
export function createHttpClient(options: HttpClientOptions): HttpClient {
  const concurrency = options.concurrency ?? 8;
  const owned = options.dispatcher ? undefined : createAgent(Math.max(concurrency, 1));
  const dispatcher = options.dispatcher ?? owned!;
  const limiter = createRateLimiter(options.rate ?? 0);
  const gate = createConcurrencyGate(concurrency);
  const maxRetries = options.maxRetries ?? 2;
  const maxWait = options.maxRetryWaitMs ?? 10_000;
  const once = async (request: OutgoingRequest) => {
    await limiter.acquire(options.signal);
    return gate.run(() =>
      send(request, { dispatcher, timeoutMs: options.timeoutMs, maxBodyBytes: options.maxBodyBytes, signal: options.signal }),
    );
  };
  return {
    async send(request) {
      let retries = 0;
      for (;;) {
        const result = await once(request);
        if (isTransportFailure(result)) return result;
        const wait = RETRIED.has(result.status) ? parseRetryAfter(result.headers['retry-after']) : undefined;
        if (wait === undefined || wait > maxWait || retries >= maxRetries || options.signal?.aborted) return { ...result, retries };
        retries += 1;
        await sleep(wait, options.signal);
      }
    },
    async close() {
      await owned?.destroy();
    },
  };
}
