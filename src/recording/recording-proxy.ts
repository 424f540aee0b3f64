import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { request as undiciRequest } from 'undici';
import type { Dispatcher } from 'undici';
import type { RequestFacts, ResponseFacts } from '../core/index.js';
import { TOOL, UsageError, normaliseHeaders, sendProblem, toProblem } from '../core/index.js';
import { DEFAULT_MAX_BODY_BYTES } from './body-codec.js';
import { toHarEntry } from './har.js';
import { openHarWriter } from './har-writer.js';
import { stripHopByHop } from './hop-by-hop.js';
import type { RedactOptions } from './redact.js';
import { createRedactor } from './redact.js';

/** Options for {@link createRecordingProxy}. */
export interface RecordingProxyOptions {
  /** Base URL requests are forwarded to; a userinfo part becomes Basic credentials. */
  target: string;
  harPath: string;
  host?: string;
  port?: number;
  redact?: RedactOptions;
  /** Largest body stored on each side; longer ones are truncated and marked (default 1 MiB). */
  maxBodyBytes?: number;
  /** Largest request body forwarded; longer ones answer 413 (default 16 MiB). */
  maxRequestBytes?: number;
  /** Called after each exchange is stored, with the redacted facts (safe to print). */
  onExchange?: (request: RequestFacts, response: ResponseFacts, ms: number) => void;
  /** Called when the target cannot be reached; nothing is stored for that request. */
  onError?: (request: RequestFacts, error: Error) => void;
  creator?: { name: string; version: string };
}

/** A running recording proxy. */
export interface RecordingProxy {
  url: string;
  close(): Promise<void>;
}

const DEFAULT_MAX_REQUEST_BYTES = 16 * 1024 * 1024;

/**
 * Starts a proxy that forwards every request to `target`, returns the target's answer unchanged
 * (secrets included: the client needs them) and appends the redacted exchange to `harPath`.
 * An unreachable target answers 502 problem+json and is not recorded, so a playback never
 * replays an outage that was the recorder's, not the API's.
 */
export async function createRecordingProxy(options: RecordingProxyOptions): Promise<RecordingProxy> {
  const target = parseTarget(options.target);
  const redactor = createRedactor({ ...options.redact, values: [...(options.redact?.values ?? []), ...target.secrets] });
  const writer = openHarWriter(options.harPath, { creator: options.creator ?? TOOL });
  const maxStored = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const maxRequest = options.maxRequestBytes ?? DEFAULT_MAX_REQUEST_BYTES;

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const started = new Date();
    const t0 = performance.now();
    const [path = '/', query = ''] = splitUrl(req.url ?? '/');
    const body = await readBody(req, maxRequest);
    const facts: RequestFacts = { method: req.method ?? 'GET', path, query, headers: normaliseHeaders(req.rawHeaders) };
    if (body === 'too-large')
      return sendProblem(res, toProblem('payload_too_large', `request body exceeds ${maxRequest} bytes`, { instance: path }));
    if (body.length > 0) facts.body = body;

    let upstream: Awaited<ReturnType<typeof undiciRequest>>;
    try {
      upstream = await undiciRequest(target.url(path, query), {
        method: facts.method as Dispatcher.HttpMethod,
        headers: { ...stripHopByHop(facts.headers, ['host', 'content-length']), host: target.host, ...target.auth(facts.headers) },
        body: facts.body ?? null,
      });
    } catch (error) {
      options.onError?.(redactor.request(facts), error as Error);
      return sendProblem(res, toProblem('upstream_unreachable', `cannot reach ${target.display}: ${(error as Error).message}`, { instance: path }));
    }
    const wait = performance.now() - t0;
    const responseHeaders = stripHopByHop(normaliseHeaders(upstream.headers as Record<string, string | string[]>));
    res.writeHead(upstream.statusCode, upstream.statusText, flatten(upstream.headers, responseHeaders));
    const kept: Buffer[] = [];
    let size = 0;
    try {
      for await (const chunk of upstream.body) {
        const buf = chunk as Buffer;
        if (size < maxStored + 1) kept.push(buf.subarray(0, maxStored + 1 - size));
        size += buf.length;
        res.write(buf);
      }
    } catch (error) {
      // The target broke off mid-body: the client sees a cut connection, as it would directly.
      res.destroy(error as Error);
      options.onError?.(redactor.request(facts), error as Error);
      return;
    }
    res.end();
    const ms = performance.now() - t0;
    const response: ResponseFacts = { status: upstream.statusCode, headers: responseHeaders, body: Buffer.concat(kept) };
    const redacted = redactor.exchange(facts, response);
    writer.append(
      toHarEntry(
        {
          ...redacted,
          baseUrl: target.base,
          startedAt: started,
          time: ms,
          responseBodySize: size,
          timings: { send: 0, wait, receive: ms - wait },
        },
        { maxBodyBytes: maxStored },
      ),
    );
    options.onExchange?.(redacted.request, redacted.response, ms);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      sendProblem(res, toProblem('internal_error', `recording proxy failed: ${(error as Error).message}`));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => {
          writer.close();
          if (error) reject(error);
          else resolve();
        });
      }),
  };
}

function parseTarget(raw: string) {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UsageError(`target is not an absolute URL: ${raw}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError(`target must be http or https: ${raw}`);
  const username = decodeURIComponent(url.username);
  const password = decodeURIComponent(url.password);
  const basic = username || password ? `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}` : undefined;
  const prefix = url.pathname.replace(/\/+$/, '');
  const base = `${url.protocol}//${url.host}${prefix}`;
  return {
    base,
    host: url.host,
    display: `${url.protocol}//${url.host}`,
    secrets: password ? [password] : [],
    url: (path: string, query: string) => `${base}${path}${query ? `?${query}` : ''}`,
    // Userinfo in the target is the caller's way of giving credentials; a client's own wins.
    auth: (headers: Record<string, string>): Record<string, string> => (basic && !headers.authorization ? { authorization: basic } : {}),
  };
}

function splitUrl(url: string): [string, string] {
  const q = url.indexOf('?');
  return q < 0 ? [url, ''] : [url.slice(0, q), url.slice(q + 1)];
}

async function readBody(req: IncomingMessage, max: number): Promise<Buffer | 'too-large'> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > max) return 'too-large';
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** Node wants repeated fields (set-cookie) as arrays; keep them apart instead of joined. */
function flatten(raw: Record<string, string | string[] | undefined>, kept: Record<string, string>): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const name of Object.keys(kept)) {
    const value = raw[name];
    out[name] = Array.isArray(value) ? value : kept[name]!;
  }
  return out;
}
