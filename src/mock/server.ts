import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { toProblem, typedResponseClass } from '../core/index.js';
import type { LoadedSpec, Operation } from '../openapi/index.js';
import { SpecValidator } from '../validation/index.js';
import { answerClientError } from './client-error.js';
import { adminRefusal } from './dashboard/admin-key.js';
import type { Dashboard } from './dashboard/dashboard.js';
import { loadState } from './dashboard/load-state.js';
import { handleRequest, type RequestPipeline } from './handle-request.js';
import { buildLayerTable } from './layer-table.js';
import type { PlaybackSource } from './playback-source.js';
import { DEFAULT_BODY_LIMIT } from './read-body.js';
import { applyCors, problem, send, sendJson } from './respond.js';
import { requestOrigin } from './request-origin.js';
import { loggedTarget } from './request-log.js';
import { Router } from './router.js';
import { SecurityGate } from './security.js';
import type { LayerContext, StatefulLayer } from './stateful-layer.js';
import { StatelessResponder } from './stateless.js';

export interface MockServerOptions {
  spec: LoadedSpec;
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /**
   * Builds the stateful layers once the server knows its own URL, in order of precedence: an
   * operation is served by the first that claims it (the Apps layer, then the inferred resources).
   * Omit for a stateless mock.
   */
  layers?: (context: LayerContext) => StatefulLayer[];
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
  layers: readonly StatefulLayer[];
  /** Stops accepting connections, lets in-flight requests finish, then closes the layers. */
  close(): Promise<void>;
}

const WARM_UP_DELAY_MS = 500;

/** Starts the mock: routing, validation and answers from the document, plus optional stateful layers. */
export async function createMockServer(options: MockServerOptions): Promise<MockServer> {
  const { spec } = options;
  const validator = new SpecValidator(spec);
  const responder = new StatelessResponder(validator);
  let layers: StatefulLayer[] = [];
  let table: ReadonlyMap<Operation, StatefulLayer> = new Map();
  // Known once listening; requests cannot arrive before.
  let url = '';
  const pipeline: RequestPipeline = {
    validator,
    router: new Router(spec.operations),
    responder,
    bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
    playback: options.playback,
    layerFor: (operation) => table.get(operation),
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
      if (path === '/__mock/state' && method === 'PUT') return loadState(req, res, layers, path);
      if (path === '/__mock/state' && method === 'GET') return sendJson(res, 200, exportState(layers));
      if (path === '/__mock/resources' && method === 'GET') {
        if (layers.length === 0) return sendJson(res, 200, { stateless: true });
        const described = layers.find((layer) => layer.describe);
        if (described) return sendJson(res, 200, described.describe!());
      }
      if (path === '/__mock/reset' && method === 'POST') {
        for (const layer of layers) layer.reset();
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
  try {
    // A layer asks the others about the parents of its resources once they all exist (at request time).
    const itemExists: LayerContext['itemExists'] = (path) => {
      for (const layer of layers) {
        const known = layer.itemExists?.(path);
        if (known !== undefined) return known;
      }
      return undefined;
    };
    layers = options.layers?.({ url, validator, responder, itemExists }) ?? [];
  } catch (error) {
    // A layer refusing its state (a malformed snapshot) must not leave a server listening.
    await new Promise<void>((resolve) => server.close(() => resolve()));
    throw error;
  }
  table = buildLayerTable(spec.operations, layers);
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
    layers,
    close: () =>
      new Promise<void>((resolve) => {
        closing = true;
        observer?.close();
        for (const res of inFlight) if (!res.headersSent) res.setHeader('connection', 'close');
        server.close(() => {
          for (const layer of layers) layer.close();
          resolve();
        });
        server.closeIdleConnections();
      }),
  };
}

/** `GET /__mock/state`: every layer's members side by side (`apps`/`runs`, `resources`), or `{stateless: true}`. */
function exportState(layers: readonly StatefulLayer[]): object {
  if (layers.length === 0) return { stateless: true };
  return Object.assign({}, ...layers.map((layer) => layer.exportState()));
}
