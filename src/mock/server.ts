import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { normaliseHeaders, toProblem, type ProblemDetails, type RequestFacts, type ResponseFacts } from '../core/index.js';
import type { LoadedSpec } from '../openapi/index.js';
import { SpecValidator, toProblemErrors, validateRequest } from '../validation/index.js';
import { decodeBody } from './decode-body.js';
import { invalidInputStatus } from './negotiate.js';
import { readPreferences } from './prefer.js';
import { DEFAULT_BODY_LIMIT, readBody } from './read-body.js';
import { Router } from './router.js';
import { sendProblem } from './send-problem.js';
import type { StatefulLayer } from './stateful-layer.js';
import { StatelessResponder, type MockAnswer } from './stateless.js';

export interface MockServerOptions {
  spec: LoadedSpec;
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** Builds the domain layer once the server knows its own URL; omit for a stateless mock. */
  layer?: (baseUrl: string) => StatefulLayer;
  /** One line per request (method, path, status, ms); omit for silence. */
  log?: (line: string) => void;
  bodyLimit?: number;
  /** Recorded exchanges answered before the engine (`mock --fixtures`). */
  playback?: PlaybackSource;
}

/** Recorded answers, looked up before routing; the CLI adapts the HAR player to this. */
export interface PlaybackSource {
  answer(request: RequestFacts): ResponseFacts | undefined;
  /** Why nothing matched, naming the closest recordings. */
  describeMiss(request: RequestFacts): string;
  /** True: a miss is a 404 problem; false: it falls through to the mock. */
  strict: boolean;
}

export interface MockServer {
  url: string;
  port: number;
  server: Server;
  layer: StatefulLayer | undefined;
  /** Stops accepting connections, lets in-flight requests finish, then closes the layer. */
  close(): Promise<void>;
}

const MAX_URL_LENGTH = 8 * 1024;
const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-headers': '*',
  'access-control-allow-methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS, HEAD',
  'access-control-expose-headers': '*',
};

/** Starts the mock: routing, validation and answers from the document, plus an optional stateful layer. */
export async function createMockServer(options: MockServerOptions): Promise<MockServer> {
  const { spec } = options;
  const validator = new SpecValidator(spec);
  const router = new Router(spec.operations);
  const responder = new StatelessResponder(validator);
  const bodyLimit = options.bodyLimit ?? DEFAULT_BODY_LIMIT;
  let layer: StatefulLayer | undefined;

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<number> => {
    const rawUrl = originForm(req.url ?? '/');
    const method = req.method ?? 'GET';
    // RFC 9112 §3.2: an HTTP/1.1 request without Host is a 400. Node's own check answers with an
    // empty body, so it is turned off below and done here to keep the answer problem+json.
    if (req.httpVersion === '1.1' && req.headers.host === undefined) {
      res.setHeader('connection', 'close');
      return problem(res, toProblem('invalid_request', 'an HTTP/1.1 request must carry a Host header (RFC 9112 §3.2)'));
    }
    const queryAt = rawUrl.indexOf('?');
    const path = queryAt < 0 ? rawUrl : rawUrl.slice(0, queryAt);
    if (rawUrl.length > MAX_URL_LENGTH)
      return problem(res, toProblem('uri_too_long', `the request target is longer than ${MAX_URL_LENGTH} bytes`));
    if (method === 'OPTIONS' && req.headers['access-control-request-method'])
      return send(res, { status: 204, headers: {}, body: undefined });
    const query = new URLSearchParams(queryAt < 0 ? '' : rawUrl.slice(queryAt + 1));
    if (path.startsWith('/__mock/')) return admin(req, res, method, path);
    const read = await readBody(req, bodyLimit);
    if (!read.ok) {
      res.setHeader('connection', 'close');
      return problem(res, { ...read.problem, instance: path });
    }
    const headers = normaliseHeaders(req.headersDistinct as Record<string, string[]>);
    if (options.playback) {
      const facts = {
        method,
        path,
        query: queryAt < 0 ? '' : rawUrl.slice(queryAt + 1),
        headers,
        ...(read.body ? { body: read.body } : {}),
      };
      const recorded = options.playback.answer(facts);
      if (recorded)
        return send(res, {
          status: recorded.status,
          headers: recorded.headers,
          body: recorded.body.length > 0 ? recorded.body : undefined,
        });
      if (options.playback.strict) {
        return problem(res, toProblem('playback_miss', options.playback.describeMiss(facts), { instance: path }));
      }
    }
    const route = router.resolve(method, path);
    if (!route.ok) return problem(res, route.problem, route.headers);
    const { operation } = route;
    const decoded = decodeBody(operation, headers['content-type'], read.body, path);
    if (!decoded.ok) return problem(res, responder.fitProblem(operation, withStatus(decoded.problem, operation)));
    const validation = validateRequest(validator, operation, { pathParams: route.pathParams, query, headers, body: decoded.body });
    if (layer?.handles(operation)) {
      const answer = layer.handle({
        operation,
        path,
        pathParams: route.pathParams,
        query,
        headers,
        body: decoded.body?.value,
        rawBody: read.body,
        violations: validation.violations,
      });
      return sendLayerAnswer(res, answer);
    }
    if (validation.violations.length > 0) {
      const status = invalidInputStatus(operation);
      const first = toProblemErrors(validation.violations);
      return problem(
        res,
        responder.fitProblem(
          operation,
          toProblem('invalid_request', `the request is invalid: ${first[0]!.detail}`, { status, instance: path, errors: first }),
        ),
      );
    }
    const answer = responder.answer(operation, readPreferences(headers.prefer, query), headers.accept);
    if ('title' in answer) return problem(res, answer as ProblemDetails);
    return send(res, answer as MockAnswer);
  };

  const admin = (req: IncomingMessage, res: ServerResponse, method: string, path: string): number => {
    if (path === '/__mock/state' && method === 'GET') {
      return send(res, json(200, layer ? layer.exportState() : { stateless: true }));
    }
    if (path === '/__mock/reset' && method === 'POST') {
      layer?.reset();
      return send(res, { status: 204, headers: {}, body: undefined });
    }
    if (path === '/__mock/health' && method === 'GET') return send(res, json(200, { ok: true, operations: spec.operations.length }));
    req.resume();
    return problem(res, toProblem('route_not_found', `no mock administration endpoint ${method} ${path}`, { instance: path }));
  };

  // Responses not yet written; on close they are told to end their connection, so a keep-alive
  // socket does not hold the shutdown open for the keep-alive timeout after its last answer.
  const inFlight = new Set<ServerResponse>();
  let closing = false;
  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    const started = performance.now();
    if (closing) res.setHeader('connection', 'close');
    inFlight.add(res);
    res.once('close', () => inFlight.delete(res));
    handle(req, res)
      .catch((error: unknown) =>
        problem(res, toProblem('internal_error', `the mock failed on this request: ${(error as Error)?.message ?? error}`)),
      )
      .then((status) => {
        options.log?.(`${req.method} ${req.url} ${status} ${(performance.now() - started).toFixed(1)}ms`);
      });
  };
  const server = createServer({ maxHeaderSize: 16 * 1024, requestTimeout: 30_000, headersTimeout: 10_000, requireHostHeader: false }, onRequest);
  // RFC 9110 §10.1.1 lets a server ignore an expectation it does not know; Node's default is a bare
  // 417 without a problem body, so such requests are simply served.
  server.on('checkExpectation', onRequest);
  // A malformed request line or headers: answer what llhttp allows, then drop the connection.
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    if (!socket.writable) return socket.destroy();
    const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
    const body = JSON.stringify(
      toProblem(
        status === 431 ? 'request_header_fields_too_large' : status === 408 ? 'request_timeout' : 'invalid_request',
        `malformed HTTP request (${error.code ?? 'unknown'})`,
      ),
    );
    socket.end(
      `HTTP/1.1 ${status} ${status === 431 ? 'Request Header Fields Too Large' : status === 408 ? 'Request Timeout' : 'Bad Request'}\r\ncontent-type: application/problem+json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
    );
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 4010, options.host ?? '127.0.0.1', () => {
      server.removeListener('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}`;
  layer = options.layer?.(url);
  // Compile the remaining validators after listening, one operation per turn of the event loop, so
  // start-up stays short and requests arriving meanwhile are not held up behind the compiler.
  const warming = validator.warmSteps();
  const warmNext = () => {
    if (!server.listening || warming.next().done) return;
    setImmediate(warmNext);
  };
  setImmediate(warmNext);

  return {
    url,
    port: address.port,
    server,
    layer,
    close: () =>
      new Promise<void>((resolve) => {
        closing = true;
        for (const res of inFlight) if (!res.headersSent) res.setHeader('connection', 'close');
        server.close(() => {
          layer?.close();
          resolve();
        });
        server.closeIdleConnections();
      }),
  };
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

function withStatus(problem: ProblemDetails, operation: Parameters<typeof invalidInputStatus>[0]): ProblemDetails {
  return problem.status === 400 ? { ...problem, status: invalidInputStatus(operation) } : problem;
}

function json(status: number, value: unknown): MockAnswer {
  return { status, headers: { 'content-type': 'application/json' }, body: Buffer.from(JSON.stringify(value)) };
}

function send(res: ServerResponse, answer: MockAnswer): number {
  const headers: Record<string, string | number> = { ...CORS, ...answer.headers };
  if (answer.body) headers['content-length'] = answer.body.length;
  res.writeHead(answer.status, headers);
  res.end(answer.body);
  return answer.status;
}

function problem(res: ServerResponse, details: ProblemDetails, headers: Record<string, string> = {}): number {
  sendProblem(res, details, { ...CORS, ...headers });
  return res.statusCode;
}

function sendLayerAnswer(res: ServerResponse, answer: { status: number; body?: unknown; headers?: Record<string, string> }): number {
  if (answer.status >= 400) return problem(res, answer.body as ProblemDetails, answer.headers);
  if (answer.body === undefined) return send(res, { status: answer.status, headers: answer.headers ?? {}, body: undefined });
  return send(res, {
    status: answer.status,
    headers: { 'content-type': 'application/json', ...answer.headers },
    body: Buffer.from(JSON.stringify(answer.body)),
  });
}
