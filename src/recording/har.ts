import { STATUS_CODES } from 'node:http';
import type { HeaderMap, RequestFacts, ResponseFacts } from '../core/index.js';
import { DEFAULT_MAX_BODY_BYTES, decodeBody, encodeBody } from './body-codec.js';
import type { EncodedBody } from './body-codec.js';
import type { HarContent, HarEntry, HarNameValue, HarPostData, HarTimings } from './har-types.js';
import { bodyDigest } from './request-key.js';

export type * from './har-types.js';

/** One exchange to be stored: the facts plus where and when it happened. */
export interface HarExchange {
  request: RequestFacts;
  response: ResponseFacts;
  /** Origin (and optional base path) the request path is relative to, e.g. `https://api.example.com`. */
  baseUrl: string;
  startedAt?: Date;
  /** Total time in milliseconds. */
  time?: number;
  timings?: Partial<HarTimings>;
  /** Bytes the response body really had, when the caller kept only a prefix of it. */
  responseBodySize?: number;
  comment?: string;
}

/** Options for {@link toHarEntry}. */
export interface ToHarEntryOptions {
  /** Bodies longer than this are truncated (default 1 MiB). */
  maxBodyBytes?: number;
}

/** An entry read back: the facts, plus which bodies are only a stored prefix. */
export interface RecordedExchange {
  request: RequestFacts;
  response: ResponseFacts;
  requestTruncated: boolean;
  responseTruncated: boolean;
  /** Matching digest of the whole request body, present when the stored one is truncated. */
  requestBodyDigest?: string;
}

const HTTP_VERSION = 'HTTP/1.1';

/** Converts one exchange to a HAR 1.2 entry; bodies over the cap are cut and marked. */
export function toHarEntry(exchange: HarExchange, options: ToHarEntryOptions = {}): HarEntry {
  const max = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const { request, response } = exchange;
  const url = joinUrl(exchange.baseUrl, request.path, request.query);
  const time = Math.max(0, exchange.time ?? 0);
  const requestBody = request.body && request.body.length > 0 ? request.body : undefined;
  const entry: HarEntry = {
    startedDateTime: (exchange.startedAt ?? new Date()).toISOString(),
    time,
    request: {
      method: request.method.toUpperCase(),
      url,
      httpVersion: HTTP_VERSION,
      cookies: [],
      headers: toPairs(request.headers),
      queryString: queryPairs(request.query),
      headersSize: -1,
      bodySize: requestBody?.length ?? 0,
    },
    response: {
      status: response.status,
      statusText: STATUS_CODES[response.status] ?? '',
      httpVersion: HTTP_VERSION,
      cookies: [],
      headers: toPairs(response.headers),
      content: toContent(response, max, exchange.responseBodySize),
      redirectURL: response.headers.location ?? '',
      headersSize: -1,
      bodySize: exchange.responseBodySize ?? response.body.length,
    },
    cache: {},
    timings: { send: 0, wait: time, receive: 0, ...exchange.timings },
  };
  if (requestBody) entry.request.postData = toPostData(requestBody, request.headers['content-type'], max);
  if (exchange.comment) entry.comment = exchange.comment;
  return entry;
}

function toPostData(body: Buffer, contentType: string | undefined, max: number): HarPostData {
  const encoded = encodeBody(body, contentType, max);
  const postData: HarPostData = { mimeType: contentType ?? 'application/octet-stream', text: encoded.text };
  if (encoded.encoding) postData.encoding = encoded.encoding;
  if (encoded.truncated) {
    postData.comment = truncationComment(encoded);
    postData._truncated = { originalSize: encoded.size, bodyDigest: bodyDigest(body, contentType) };
  }
  return postData;
}

function toContent(response: ResponseFacts, max: number, realSize: number | undefined): HarContent {
  const contentType = response.headers['content-type'];
  const encoded = encodeBody(response.body, contentType, max);
  const size = Math.max(realSize ?? 0, encoded.size);
  const truncated = encoded.truncated || size > encoded.size;
  const content: HarContent = { size, mimeType: contentType ?? 'application/octet-stream', text: encoded.text };
  if (encoded.encoding) content.encoding = encoded.encoding;
  if (truncated) {
    content.comment = truncationComment({ ...encoded, size });
    content._truncated = { originalSize: size };
  }
  return content;
}

function truncationComment(encoded: EncodedBody): string {
  const kept = encoded.encoding ? Buffer.byteLength(encoded.text, 'base64') : Buffer.byteLength(encoded.text);
  return `body truncated: ${kept} of ${encoded.size} bytes stored`;
}

/** Reads a HAR entry back into request and response facts. */
export function fromHarEntry(entry: HarEntry): RecordedExchange {
  const url = new URL(entry.request.url);
  const postData = entry.request.postData;
  const request: RequestFacts = {
    method: entry.request.method.toUpperCase(),
    path: url.pathname,
    query: url.search.replace(/^\?/, ''),
    headers: fromPairs(entry.request.headers),
  };
  if (postData?.text !== undefined && postData.text !== '') request.body = decodeBody(postData.text, postData.encoding);
  const content = entry.response.content;
  const responseTruncated = content._truncated !== undefined;
  const headers = fromPairs(entry.response.headers);
  // A cut body no longer has the recorded length; let whoever serves it compute a fresh one.
  if (responseTruncated) delete headers['content-length'];
  const recorded: RecordedExchange = {
    request,
    response: { status: entry.response.status, headers, body: decodeBody(content.text, content.encoding) },
    requestTruncated: postData?._truncated !== undefined,
    responseTruncated,
  };
  if (postData?._truncated?.bodyDigest) recorded.requestBodyDigest = postData._truncated.bodyDigest;
  return recorded;
}

function toPairs(headers: HeaderMap): HarNameValue[] {
  return Object.entries(headers).map(([name, value]) => ({ name, value }));
}

function fromPairs(pairs: readonly HarNameValue[]): HeaderMap {
  const headers: HeaderMap = {};
  for (const { name, value } of pairs) {
    const key = name.toLowerCase();
    headers[key] = key in headers ? `${headers[key]}, ${value}` : value;
  }
  return headers;
}

function queryPairs(query: string): HarNameValue[] {
  return [...new URLSearchParams(query)].map(([name, value]) => ({ name, value }));
}

/** Joins a base URL (without its userinfo, query or fragment) with a path and raw query. */
function joinUrl(baseUrl: string, path: string, query: string): string {
  const base = new URL(baseUrl);
  const prefix = base.pathname.replace(/\/+$/, '');
  const url = new URL(`${base.protocol}//${base.host}${prefix}${path.startsWith('/') ? path : `/${path}`}`);
  url.search = query === '' ? '' : `?${query}`;
  return url.href;
}
