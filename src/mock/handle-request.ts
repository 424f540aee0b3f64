import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendProblem, toProblem, type HeaderMap, type ProblemDetails } from '../core/index.js';
import { invalidInputStatus, type Operation } from '../openapi/index.js';
import { decodeBody, toProblemErrors, validateRequest, type SpecValidator } from '../validation/index.js';
import { asksForCode, readPreferences } from './prefer.js';
import { readBody, type BodyResult } from './read-body.js';
import type { AnswerReuse, KeptAnswer, ReuseKey } from './answer-reuse.js';
import { headersOnWire, layerAnswerOnWire, problem, send, sendLayerAnswer, sendPrepared } from './respond.js';
import type { RouteResult, Router } from './router.js';
import type { SecurityGate } from './security.js';
import type { PlaybackSource } from './playback-source.js';
import type { StatefulLayer } from './stateful-layer.js';
import type { StatelessResponder } from './stateless.js';
import type { RequestObserver } from './dashboard/request-observer.js';

export interface RequestPipeline {
  validator: SpecValidator;
  router: Router;
  responder: StatelessResponder;
  bodyLimit: number;
  playback: PlaybackSource | undefined;
  /** Layers' answers kept for requests that repeat while the state is unchanged. */
  reuse: AnswerReuse;
  /** The layers' state version (it changes whenever any layer's state may have); undefined when a layer keeps none. */
  stateVersion(): number | undefined;
  /** The layer serving an operation (decided once per operation at start), undefined for a stateless one. */
  layerFor(operation: Operation): StatefulLayer | undefined;
  /** Enforces the document's security requirements; undefined with `--no-security`. */
  security: SecurityGate | undefined;
  /** The base a stateful layer builds this request's links on. */
  origin(headers: HeaderMap): string;
  admin(req: IncomingMessage, res: ServerResponse, method: string, path: string): number | Promise<number>;
  /** Sees each routed request (the dashboard); undefined when there is none. */
  observer: RequestObserver | undefined;
  /** Answer with generated values unless a request asks otherwise (`--dynamic`, Prism's `-d`). */
  dynamic?: boolean;
}

const MAX_URL_LENGTH = 8 * 1024;

/**
 * The request pipeline as separate steps (Prism's shape): target checks, body, playback, routing,
 * decoding, validation, then the operation's stateful layer or a stateless answer. Requests without a body are
 * answered in the same tick; the returned status feeds the request log.
 */
export function handleRequest(pipeline: RequestPipeline, req: IncomingMessage, res: ServerResponse): number | Promise<number> {
  const rawUrl = originForm(req.url ?? '/');
  const method = req.method ?? 'GET';
  // RFC 9112 §3.2: an HTTP/1.1 request without Host is a 400. Node's own check answers with an
  // empty body, so it is turned off in the server and done here to keep the answer problem+json.
  if (req.httpVersion === '1.1' && req.headers.host === undefined) {
    res.setHeader('connection', 'close');
    return problem(res, toProblem('invalid_request', 'an HTTP/1.1 request must carry a Host header (RFC 9112 §3.2)'));
  }
  if (rawUrl.length > MAX_URL_LENGTH)
    return problem(res, toProblem('uri_too_long', `the request target is longer than ${MAX_URL_LENGTH} bytes`));
  const queryAt = rawUrl.indexOf('?');
  const path = queryAt < 0 ? rawUrl : rawUrl.slice(0, queryAt);
  const rawQuery = queryAt < 0 ? '' : rawUrl.slice(queryAt + 1);
  // RFC 3986 §2.1: `%` begins a triplet of two hex digits, and the bytes must be UTF-8; WHATWG
  // URL parsing would keep `%ZZ` as text and hand it on as data.
  if (hasMalformedEscape(path) || hasMalformedEscape(rawQuery)) {
    req.resume();
    return problem(
      res,
      toProblem('invalid_request', 'the request target has malformed percent-encoding (RFC 3986 §2.1)', { instance: path }),
    );
  }
  if (method === 'OPTIONS' && req.headers['access-control-request-method']) return send(res, { status: 204, headers: {}, body: undefined });
  if (path.startsWith('/__mock/')) return pipeline.admin(req, res, method, path);
  const read = readBody(req, pipeline.bodyLimit);
  if (read instanceof Promise) return read.then((result) => afterBody(pipeline, req, res, method, path, rawQuery, result));
  return afterBody(pipeline, req, res, method, path, rawQuery, read);
}

function afterBody(
  pipeline: RequestPipeline,
  req: IncomingMessage,
  res: ServerResponse,
  method: string,
  path: string,
  rawQuery: string,
  read: BodyResult,
): number {
  if (!read.ok) {
    res.setHeader('connection', 'close');
    return problem(res, { ...read.problem, instance: path });
  }
  // Node lower-cases names and joins repeated values with ", " (set-cookie aside, which requests do not carry).
  const headers = req.headers as HeaderMap;
  if (pipeline.playback) {
    const facts = { method, path, query: rawQuery, headers, ...(read.body ? { body: read.body } : {}) };
    const recorded = pipeline.playback.answer(facts);
    if (recorded)
      return send(res, { status: recorded.status, headers: recorded.headers, body: recorded.body.length > 0 ? recorded.body : undefined });
    if (pipeline.playback.strict)
      return problem(res, toProblem('playback_miss', pipeline.playback.describeMiss(facts), { instance: path }));
  }
  // A GET that repeats while no state has changed gets the bytes kept for it (answer-reuse.ts).
  const key = read.body === undefined ? pipeline.reuse.keyOf(req, method, req.url ?? '/') : undefined;
  const version = key === undefined ? undefined : pipeline.stateVersion();
  let reuse = key !== undefined && version !== undefined ? { key, version } : undefined;
  const kept = reuse && pipeline.reuse.find(reuse.key, reuse.version);
  if (kept) return sendKept(pipeline, res, kept);
  if (reuse && !pipeline.reuse.wanted(reuse.key)) reuse = undefined;
  const query = new URLSearchParams(rawQuery);
  const route = pipeline.router.resolve(method, path, { query, headers });
  if (!route.ok) return problem(res, route.problem, route.headers);
  const status = serveRoute(pipeline, res, { method, path, rawQuery, query, headers, route, body: read.body, reuse });
  pipeline.observer?.answered(res, route.operation, status);
  return status;
}

/** A routed request as the steps after routing see it. */
interface Routed {
  method: string;
  path: string;
  rawQuery: string;
  query: URLSearchParams;
  headers: HeaderMap;
  route: Extract<RouteResult, { ok: true }>;
  body: Buffer | undefined;
  /** Where a reusable answer is kept: the request's key and the state version it is answered at. */
  reuse: { key: ReuseKey; version: number } | undefined;
}

/**
 * Security, body decoding and validation, then the operation's layer or the stateless answer. A
 * layer that judges requests itself (the Apps model) is handed them unjudged, violations included.
 */
function serveRoute(pipeline: RequestPipeline, res: ServerResponse, routed: Routed): number {
  const { method, path, rawQuery, query, headers, route, body, reuse } = routed;
  const { operation } = route;
  // `Prefer: code=503` asks for the document's answer with that status, stateful operation or not.
  const layer = asksForCode(headers.prefer, query) ? undefined : pipeline.layerFor(operation);
  // A layer with its own rules (the Apps model: --api-key, domain 400s) judges the request itself.
  const judged = layer?.judgesRequests === true;
  const refusal = judged ? undefined : pipeline.security?.check(operation, { headers, query });
  if (refusal) {
    const details = toProblem('unauthorized', refusal.detail, { instance: path });
    return fittedProblem(pipeline, res, operation, details, { 'www-authenticate': refusal.challenges });
  }
  // Prism's rule: content sent to an operation that declares no request body is a 415.
  if (body !== undefined && !operation.requestBody?.content.length) {
    const details = toProblem('unsupported_media_type', `${method} ${operation.path} takes no request body; send none`, { instance: path });
    return fittedProblem(pipeline, res, operation, details);
  }
  const decoded = decodeBody(operation, headers['content-type'], body, path);
  if (!decoded.ok) return fittedProblem(pipeline, res, operation, withDeclaredStatus(decoded.problem, operation));
  const validation = validateRequest(pipeline.validator, operation, {
    pathParams: route.pathParams,
    query,
    raw: { pathParams: route.rawParams, query: rawQuery },
    headers,
    body: decoded.body,
  });
  pipeline.observer?.validated(res, validation.violations);
  if (!judged && validation.violations.length > 0) {
    const errors = toProblemErrors(validation.violations);
    const status = invalidInputStatus(
      operation,
      validation.violations.some((violation) => violation.in === 'path'),
    );
    const details = toProblem('invalid_request', `the request is invalid: ${errors[0]!.detail}`, { status, instance: path, errors });
    return fittedProblem(pipeline, res, operation, details);
  }
  if (layer) {
    const answer = layer.handle({
      operation,
      path,
      origin: pipeline.origin(headers),
      pathParams: route.pathParams,
      query,
      headers,
      body: validation.body,
      rawBody: body,
      violations: validation.violations,
    });
    const wire = reuse && answer.reusable ? layerAnswerOnWire(answer) : undefined;
    if (!reuse || !wire) return sendLayerAnswer(res, answer);
    return sendAndKeep(pipeline, res, reuse, { ...wire, operation, violations: validation.violations });
  }
  const preferences = readPreferences(headers.prefer, query);
  if (pipeline.dynamic && preferences.dynamic === undefined) preferences.dynamic = true;
  const answer = pipeline.responder.answer(operation, preferences, headers.accept, {
    origin: pipeline.origin(headers),
    pathParams: route.pathParams,
  });
  if ('title' in answer) return problem(res, { ...(answer as ProblemDetails), instance: path });
  // A static answer follows from the document and the request alone; a dynamic one is drawn anew.
  if (!reuse || preferences.dynamic || answer.status >= 400) return send(res, answer);
  return sendAndKeep(pipeline, res, reuse, { ...answer, headers: headersOnWire(answer), operation, violations: validation.violations });
}

/** Sends an answer and keeps it for the same request at the state version it was made at. */
function sendAndKeep(
  pipeline: RequestPipeline,
  res: ServerResponse,
  reuse: NonNullable<Routed['reuse']>,
  answer: Omit<KeptAnswer, 'version' | 'requestHeaders'>,
): number {
  const kept: KeptAnswer = { ...answer, version: reuse.version, requestHeaders: reuse.key.headers };
  pipeline.reuse.keep(reuse.key, kept);
  return sendPrepared(res, kept.status, kept.headers, kept.body);
}

/** Sends a kept answer again; the observers hear of the request as if it had been served anew. */
function sendKept(pipeline: RequestPipeline, res: ServerResponse, kept: KeptAnswer): number {
  pipeline.observer?.validated(res, kept.violations);
  const status = sendPrepared(res, kept.status, kept.headers, kept.body);
  pipeline.observer?.answered(res, kept.operation, status);
  return status;
}

// The body follows the operation's declared error schema, which may even type `status` as a string
// (GitHub's basic-error); the HTTP status stays the problem's own.
function fittedProblem(
  pipeline: RequestPipeline,
  res: ServerResponse,
  operation: Operation,
  details: ProblemDetails,
  headers: Record<string, string> = {},
): number {
  const fitted = pipeline.responder.fitProblem(operation, details);
  if (typeof fitted.body === 'string') {
    return send(res, { status: details.status, headers: { ...headers, 'content-type': fitted.mediaType }, body: Buffer.from(fitted.body) });
  }
  sendProblem(res, fitted.body, { ...headers, 'content-type': fitted.mediaType }, details.status);
  return details.status;
}

function withDeclaredStatus(details: ProblemDetails, operation: Operation): ProblemDetails {
  return details.status === 400 ? { ...details, status: invalidInputStatus(operation) } : details;
}

function hasMalformedEscape(text: string): boolean {
  if (!text.includes('%')) return false;
  try {
    decodeURIComponent(text);
    return false;
  } catch {
    return true;
  }
}

/** RFC 9112 §3.2.2: a server must accept the absolute-form (`http://host/path`) and route on its path. */
function originForm(target: string): string {
  if (target.startsWith('/') || !/^https?:\/\//i.test(target)) return target;
  try {
    const url = new URL(target);
    return url.pathname + url.search;
  } catch {
    return target;
  }
}
