import { request } from 'undici';
import type { Dispatcher } from 'undici';
import { onTestFinished } from 'vitest';
import { createRecordingProxy } from '../../../src/recording/index.js';
import type { RecordingProxyOptions } from '../../../src/recording/index.js';

/** What a client got back. */
export interface Received {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A request a test sends. */
export interface Outgoing {
  method: Dispatcher.HttpMethod;
  path: string;
  headers?: Record<string, string>;
  body?: Buffer | string;
}

/** Starts a recording proxy that is closed when the current test finishes. */
export async function startProxy(options: RecordingProxyOptions) {
  const proxy = await createRecordingProxy(options);
  onTestFinished(() => proxy.close());
  return proxy;
}

/** Sends one request with undici and reads the whole answer. */
export async function send(baseUrl: string, outgoing: Outgoing): Promise<Received> {
  const response = await request(baseUrl + outgoing.path, {
    method: outgoing.method,
    headers: outgoing.headers ?? {},
    body: outgoing.body ?? null,
  });
  const body = Buffer.from(await response.body.arrayBuffer());
  return { status: response.statusCode, headers: response.headers, body };
}
