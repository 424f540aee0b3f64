import type { Dispatcher } from 'undici';
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

/**
 * Sends one request; any status is a response, and anything that is not a whole response is a
 * TransportFailure. It dispatches with a handler of its own that collects the body, rather than
 * through undici's `request()`: that API wraps every answer in a Readable stream and every request
 * in an AbortSignal of its own, over a quarter of the transport's CPU time for bodies that are read
 * whole anyway.
 */
export function send(outgoing: OutgoingRequest, options: SendOptions): Promise<TimedResponse | TransportFailure> {
  const started = performance.now();
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const elapsed = () => Math.round(performance.now() - started);
  return new Promise((resolve) => {
    let controller: Dispatcher.DispatchController | undefined;
    let status: number | undefined;
    let headers: HeaderMap = {};
    let chunks: Buffer[] = [];
    let size = 0;
    let timedOut = false;
    let settled = false;
    const finish = (result: TimedResponse | TransportFailure) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      resolve(result);
    };
    const fail = (error: unknown) => {
      const kind = classifyError(error, timedOut);
      const message =
        kind === 'timeout' ? `no complete response within ${options.timeoutMs} ms` : `${(error as Error)?.message ?? String(error)}`;
      finish({ kind, message, elapsedMs: elapsed(), ...(status === undefined ? {} : { status }) });
    };
    // The bound on the whole exchange; undici's own timeouts bound each wait within it.
    const stop = (reason: Error) => {
      fail(reason);
      controller?.abort(reason);
    };
    const timer = setTimeout(() => {
      timedOut = true;
      stop(new Error(`no complete response within ${options.timeoutMs} ms`));
    }, options.timeoutMs);
    const onAbort = () => stop(abortReason(options.signal));
    if (options.signal?.aborted) return onAbort();
    options.signal?.addEventListener('abort', onAbort, { once: true });
    const tooLarge = (message: string) => {
      finish({ kind: 'body-too-large', message, elapsedMs: elapsed(), status: status! });
      controller?.abort(new Error(message));
    };
    try {
      const url = new URL(outgoing.url);
      (options.dispatcher ?? sharedAgent()).dispatch(
        {
          origin: url.origin,
          path: url.pathname + url.search,
          method: outgoing.method as Dispatcher.HttpMethod,
          headers: outgoing.headers,
          body: outgoing.body ?? null,
          headersTimeout: options.timeoutMs,
          bodyTimeout: options.timeoutMs,
        },
        {
          onRequestStart(requestController) {
            controller = requestController;
            // Stopped while the request waited for a connection: it must not be sent now.
            if (settled) requestController.abort(new Error('request abandoned before it was sent'));
          },
          onResponseStart(_controller, statusCode, responseHeaders) {
            // RFC 9110 §15.2: 1xx answers are interim; the final one follows on the same exchange.
            if (statusCode < 200) return;
            status = statusCode;
            headers = normaliseHeaders(responseHeaders as Record<string, string | string[] | undefined>);
            chunks = [];
            size = 0;
            const declared = Number(headers['content-length']);
            if (Number.isFinite(declared) && declared > maxBodyBytes)
              tooLarge(`content-length ${declared} exceeds the ${maxBodyBytes}-byte cap`);
          },
          onResponseData(_controller, chunk) {
            if (settled) return;
            size += chunk.length;
            // Stop reading: memory stays bounded however much the target sends.
            if (size > maxBodyBytes) tooLarge(`body exceeds the ${maxBodyBytes}-byte cap`);
            else chunks.push(chunk);
          },
          onResponseEnd() {
            if (status === undefined) return fail(new Error('the response ended before its status line'));
            finish({ status, headers, body: Buffer.concat(chunks), elapsedMs: elapsed() });
          },
          onResponseError(_controller, error) {
            fail(error);
          },
        },
      );
    } catch (error) {
      // A URL or options undici refuses (a header value it cannot send) throw before anything is sent.
      fail(error);
    }
  });
}

/** What an external signal's abort is reported as: its reason, as an Error. */
function abortReason(signal: AbortSignal | undefined): Error {
  const reason: unknown = signal?.reason;
  return reason instanceof Error ? reason : Object.assign(new Error('the request was aborted'), { name: 'AbortError' });
}

let shared: Dispatcher | undefined;
function sharedAgent(): Dispatcher {
  shared ??= createAgent();
  return shared;
}
