import type { RequestFacts, ResponseFacts } from '../../core/index.js';
import { isTransportFailure, type HttpClient } from '../../transport/index.js';

/**
 * Sends through the run's client (its rate limit, concurrency bound and retries) for callers that
 * judge statuses only: a transport failure is answered as status 0 with the reason as its body.
 */
export async function sendForAnswer(client: HttpClient, request: RequestFacts & { url: string }): Promise<ResponseFacts> {
  const answer = await client.send({
    method: request.method,
    url: request.url,
    headers: request.headers,
    ...(request.body ? { body: request.body } : {}),
  });
  if (isTransportFailure(answer)) return { status: 0, headers: {}, body: Buffer.from(`no response: ${answer.message}`) };
  return answer;
}
