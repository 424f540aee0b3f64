import { DecoratorHandler, type Dispatcher } from 'undici';
import { TOOL, normaliseHeaders, type RequestFacts, type ResponseFacts } from '../core/index.js';
import { DEFAULT_MAX_BODY_BYTES } from './body-codec.js';
import { toHarEntry } from './har.js';
import type { HarEntry } from './har-types.js';
import { openHarWriter } from './har-writer.js';
import { stripHopByHop } from './hop-by-hop.js';
import { createRedactor, type RedactOptions } from './redact.js';

// undici's DecoratorHandler forwards the v7 handler calls (and adapts legacy handlers) at run time;
// its published types still describe the legacy calls only.
const ForwardingHandler = DecoratorHandler as unknown as new (handler: Dispatcher.DispatchHandler) => Dispatcher.DispatchHandler;

export interface RecordingInterceptorOptions {
  harPath: string;
  /**
   * Exchanges are written in batches at most this far apart (default 250 ms): a run of thousands of
   * requests would otherwise rewrite the file thousands of times. A crash loses at most one batch.
   */
  flushEveryMs?: number;
  redact?: RedactOptions;
  maxBodyBytes?: number;
  creator?: { name: string; version: string };
}

/**
 * Records every exchange an undici Dispatcher carries into a HAR file, with the proxy's redaction
 * and crash-safe appends: `new Agent().compose(recorder.interceptor)`. Unlike a proxy in front of
 * the target, the client keeps talking to the real origin, so absolute links stay comparable.
 */
export function createRecordingInterceptor(options: RecordingInterceptorOptions): {
  interceptor: Dispatcher.DispatcherComposeInterceptor;
  close(): void;
} {
  const writer = openHarWriter(options.harPath, { creator: options.creator ?? TOOL });
  const redactor = createRedactor(options.redact);
  const maxStored = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;

  const pending: HarEntry[] = [];
  let timer: NodeJS.Timeout | undefined;
  const flush = () => {
    timer = undefined;
    writer.appendAll(pending.splice(0));
  };
  const record = (baseUrl: string, request: RequestFacts, response: ResponseFacts, size: number, startedAt: Date, time: number) => {
    const redacted = redactor.exchange(request, response);
    pending.push(toHarEntry({ ...redacted, baseUrl, startedAt, time, responseBodySize: size }, { maxBodyBytes: maxStored }));
    timer ??= setTimeout(flush, options.flushEveryMs ?? 250);
  };

  const interceptor: Dispatcher.DispatcherComposeInterceptor = (dispatch) => (opts, handler) => {
    const startedAt = new Date();
    const t0 = performance.now();
    const baseUrl = String(opts.origin ?? '').replace(/\/$/, '');
    const [path = '/', query = ''] = (opts.path ?? '/').split(/\?(.*)/s);
    const request: RequestFacts = {
      method: opts.method,
      path,
      query,
      headers: normaliseHeaders((opts.headers ?? {}) as Record<string, string>),
      ...(typeof opts.body === 'string' || Buffer.isBuffer(opts.body) ? { body: Buffer.from(opts.body) } : {}),
    };
    let status = 0;
    let headers: ResponseFacts['headers'] = {};
    const kept: Buffer[] = [];
    let size = 0;
    class RecordingHandler extends ForwardingHandler {
      override onResponseStart(
        controller: Dispatcher.DispatchController,
        statusCode: number,
        rawHeaders: Record<string, string | string[]>,
        statusMessage?: string,
      ) {
        status = statusCode;
        headers = stripHopByHop(normaliseHeaders(rawHeaders));
        return super.onResponseStart!(controller, statusCode, rawHeaders, statusMessage);
      }
      override onResponseData(controller: Dispatcher.DispatchController, chunk: Buffer) {
        if (size < maxStored + 1) kept.push(Buffer.from(chunk.subarray(0, maxStored + 1 - size)));
        size += chunk.length;
        return super.onResponseData!(controller, chunk);
      }
      override onResponseEnd(controller: Dispatcher.DispatchController, trailers: Record<string, string | string[]>) {
        record(baseUrl, request, { status, headers, body: Buffer.concat(kept) }, size, startedAt, performance.now() - t0);
        return super.onResponseEnd!(controller, trailers);
      }
    }
    return dispatch(opts, new RecordingHandler(handler));
  };
  return {
    interceptor,
    close: () => {
      if (timer) clearTimeout(timer);
      flush();
      writer.close();
    },
  };
}
