import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { toProblem, typedResponseClass } from '../core/index.js';
import type { LoadedSpec } from '../openapi/index.js';
import { SpecValidator } from '../validation/index.js';
import { answerClientError } from './client-error.js';
import { adminRefusal } from './dashboard/admin-key.js';
import type { Dashboard } from './dashboard/dashboard.js';
import { loadState } from './dashboard/load-state.js';
import { handleRequest, type RequestPipeline } from './handle-request.js';
import type { PlaybackSource } from './playback-source.js';
import { DEFAULT_BODY_LIMIT } from './read-body.js';
import { applyCors, problem, send, sendJson } from './respond.js';
import { requestOrigin } from './request-origin.js';
import { loggedTarget } from './request-log.js';
import { Router } from './router.js';
import { SecurityGate } from './security.js';
import type { StatefulLayer } from './stateful-layer.js';
import { StatelessResponder } from './stateless.js';

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
  /** The fixed base of links (`--base-url`); without it each request's Host (or Forwarded) decides. */
  baseUrl?: string | undefined;
  /** Enforce the document's security requirements with 401 (default true; `--no-security` turns it off). */
  security?: boolean;
  /** The page at `/__mock/` and the observer behind it (`createDashboard`); omit for none. */
  dashboard?: Dashboard;
  /** When set, `/__mock/*` demands this key (`--api-key`): a bearer token, the dashboard's cookie or `?key=`. */
  apiKey?: string | undefined;
  /** Where the document names its problem types (`type` = base + `code`); omit for about:blank. */
  problemTypeBase?: string;
}

export interface MockServer {
  url: string;
  port: number;
  server: Server;
  layer: StatefulLayer | undefined;
  /** Stops accepting connections, lets in-flight requests finish, then closes the layer. */
  close(): Promise<void>;
}

const WARM_UP_DELAY_MS = 500;

/** Starts the mock: routing, validation and answers from the document, plus an optional stateful layer. */
export async function createMockServer(options: MockServerOptions): Promise<MockServer> {
  const { spec } = options;
  const validator = new SpecValidator(spec);
  let layer: StatefulLayer | undefined;
  // Known once listening; requests cannot arrive before.
  let url = '';
  const pipeline: RequestPipeline = {
    validator,
    router: new Router(spec.operations),
    responder: new StatelessResponder(validator),
    bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
    playback: options.playback,
    layer: () => layer,
    security: options.security === false ? undefined : new SecurityGate(spec.document),
    origin: (headers) => options.baseUrl ?? requestOrigin(headers) ?? url,
    observer: options.dashboard,
    admin(req, res, method, path) {
      const refusal = adminRefusal(options.apiKey, req, path);
      if (refusal) {
        req.resume();
        return problem(res, refusal, { 'www-authenticate': 'Bearer realm="mock"' });
      }
      const served = options.dashboard?.serve(req, res, method, path);
      if (served !== undefined) return served;
      if (path === '/__mock/state' && method === 'PUT') return loadState(req, res, layer, path);
      if (path === '/__mock/state' && method === 'GET') return sendJson(res, 200, layer ? layer.exportState() : { stateless: true });
      if (path === '/__mock/reset' && method === 'POST') {
        layer?.reset();
        return send(res, { status: 204, headers: {}, body: undefined });
      }
      if (path === '/__mock/health' && method === 'GET') return sendJson(res, 200, { ok: true, operations: spec.operations.length });
      req.resume();
      return problem(res, toProblem('route_not_found', `no mock administration endpoint ${method} ${path}`, { instance: path }));
    },
  };

  // Responses not yet written; on close they are told to end their connection, so a keep-alive
  // socket does not hold the shutdown open for the keep-alive timeout after its last answer.
  const inFlight = new Set<ServerResponse>();
  let closing = false;
  const log = options.log;
  const observer = options.dashboard;
  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    const started = log ? performance.now() : 0;
    if (observer?.watching) observer.begin(req, res);
    if (closing) res.setHeader('connection', 'close');
    inFlight.add(res);
    res.once('close', () => inFlight.delete(res));
    applyCors(req, res);
    const done = (status: number) => {
      log?.(`${req.method} ${loggedTarget(req.url ?? '')} ${status} ${(performance.now() - started).toFixed(1)}ms`);
      observer?.ended(req, res, status);
    };
    const fail = (error: unknown) => {
      const status = problem(res, toProblem('internal_error', `the mock failed on this request: ${(error as Error)?.message ?? error}`));
      done(status);
    };
    try {
      const status = handleRequest(pipeline, req, res);
      if (typeof status === 'number') done(status);
      else status.then(done, fail);
    } catch (error) {
      fail(error);
    }
  };
  const server = createServer(
    {
      maxHeaderSize: 16 * 1024,
      requestTimeout: 30_000,
      headersTimeout: 10_000,
      requireHostHeader: false,
      ServerResponse: typedResponseClass(options.problemTypeBase),
    },
    onRequest,
  );
  // RFC 9110 §10.1.1 lets a server ignore an expectation it does not know; Node's default is a bare
  // 417 without a problem body, so such requests are simply served.
  server.on('checkExpectation', onRequest);
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) =>
    answerClientError(error, socket, inFlight, options.problemTypeBase),
  );

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 4010, options.host ?? '127.0.0.1', () => {
      server.removeListener('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  // A wildcard bind is reachable on loopback; links built on 0.0.0.0 or :: could not be followed.
  const reachable = address.address === '0.0.0.0' ? '127.0.0.1' : address.address === '::' ? '::1' : address.address;
  const host = address.family === 'IPv6' ? `[${reachable}]` : reachable;
  url = `http://${host}:${address.port}`;
  layer = options.layer?.(url);
  // Compile the remaining validators shortly after listening, one operation per turn of the event
  // loop: the first requests compile only what they need, and later ones find everything ready.
  const warming = validator.warmSteps();
  const warmNext = () => {
    if (!server.listening || warming.next().done) return;
    setImmediate(warmNext);
  };
  setTimeout(warmNext, WARM_UP_DELAY_MS).unref();

  return {
    url,
    port: address.port,
    server,
    layer,
    close: () =>
      new Promise<void>((resolve) => {
        closing = true;
        observer?.close();
        for (const res of inFlight) if (!res.headersSent) res.setHeader('connection', 'close');
        server.close(() => {
          layer?.close();
          resolve();
        });
        server.closeIdleConnections();
      }),
  };
}
