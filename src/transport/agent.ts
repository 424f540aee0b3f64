import { Agent } from 'undici';

/** The default dispatcher: keep-alive with a bounded number of sockets per origin. */
export function createAgent(connections = 16): Agent {
  // Pipelining stays off: a hanging response must not hold up the requests queued behind it.
  return new Agent({ connections, pipelining: 1, keepAliveTimeout: 4_000 });
}
