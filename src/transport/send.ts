import { request, type Dispatcher } from 'undici';
import { normaliseHeaders, type HeaderMap, type ResponseFacts } from '../core/index.js';
import { createAgent } from './agent.js';
import { classifyError, type TransportFailure } from './failure.js';

/** A request to send: an absolute URL plus method, headers and optional body. */
export interface OutgoingRequest {
  method: string;
  url: string;
  headers: HeaderMap;
  body?: Buffer;
}

export interface SendOptions {
  /** Default: one shared bounded Agent for the process. */
  dispatcher?: Dispatcher;
  /** Bound on the whole exchange, from connect to the last body byte. */
  timeoutMs: number;
  /** Bodies longer than this are not read further (default 10 MiB). */
  maxBodyBytes?: number;
  signal?: AbortSignal;
}

/** A whole response with how long it took. */
export interface TimedResponse extends ResponseFacts {
  elapsedMs: number;
}

export const DEFAULT_MAX_BODY_BYTES = 10 * 1024 * 1024;

/** Sends one request; any status is a response, and anything that is not a whole response is a TransportFailure. */
export async function send(outgoing: OutgoingRequest, options: SendOptions): Promise<TimedResponse | TransportFailure> {
  const started = performance.now();
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const timer = AbortSignal.timeout(options.timeoutMs);
  const signal = options.signal ? AbortSignal.any([timer, options.signal]) : timer;
  const elapsed = () => Math.round(performance.now() - started);
  let status: number | undefined;
  try {
    const response = await request(outgoing.url, {
      method: outgoing.method as Dispatcher.HttpMethod,
      headers: outgoing.headers,
      body: outgoing.body ?? null,
      dispatcher: options.dispatcher ?? sharedAgent(),
      signal,
      headersTimeout: options.timeoutMs,
      bodyTimeout: options.timeoutMs,
    });
    status = response.statusCode;
    const headers = normaliseHeaders(response.headers as Record<string, string | string[] | undefined>);
    const declared = Number(headers['content-length']);
    if (Number.isFinite(declared) && declared > maxBodyBytes) {
      response.body.destroy();
      return tooLarge(status, `content-length ${declared} exceeds the ${maxBodyBytes}-byte cap`, elapsed());
    }
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of response.body) {
      size += (chunk as Buffer).length;
      if (size > maxBodyBytes) {
        // Stop reading: memory stays bounded however much the target sends.
        response.body.destroy();
        return tooLarge(status, `body exceeds the ${maxBodyBytes}-byte cap`, elapsed());
      }
      chunks.push(chunk as Buffer);
    }
    return { status, headers, body: Buffer.concat(chunks), elapsedMs: elapsed() };
  } catch (error) {
    const kind = classifyError(error, timer.aborted);
    const message =
      kind === 'timeout' ? `no complete response within ${options.timeoutMs} ms` : `${(error as Error)?.message ?? String(error)}`;
    return { kind, message, elapsedMs: elapsed(), ...(status === undefined ? {} : { status }) };
  }
}

let shared: Dispatcher | undefined;
function sharedAgent(): Dispatcher {
  shared ??= createAgent();
  return shared;
}

function tooLarge(status: number, message: string, elapsedMs: number): TransportFailure {
  return { kind: 'body-too-large', message, elapsedMs, status };
}
