import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { toProblem, typedResponseClass } from '../core/index.js';
import type { ResourceMap } from '../model/resources/index.js';
import type { LoadedSpec, Operation } from '../openapi/index.js';
import { SpecValidator } from '../validation/index.js';
import { createAdmin } from './admin.js';
import { AnswerReuse, traceHeadersOf } from './answer-reuse.js';
import { answerClientError } from './client-error.js';
import type { Dashboard } from './dashboard/dashboard.js';
import { answerFault, createFaultPlanner, type FaultOptions, type FaultPlan } from './faults.js';
import { handleRequest, type RequestPipeline } from './handle-request.js';
import { InFlight } from './in-flight.js';
import { buildLayerTable } from './layer-table.js';
import { DEFAULT_JOURNAL_SIZE, RequestJournal } from './journal/request-journal.js';
import { combineObservers } from './observers.js';
import type { PlaybackSource } from './playback-source.js';
import { DEFAULT_BODY_LIMIT } from './read-body.js';
import { applyCors, problem } from './respond.js';
import { requestOrigin } from './request-origin.js';
import { loggedTarget, loggedTime } from './request-log.js';
import { Router } from './router.js';
import { SecurityGate } from './security.js';
import type { LayerBuilder, LayerContext, StatefulLayer } from './stateful-layer.js';
import { StatelessResponder } from './stateless.js';
import { keepTickObjectShape } from './tick-object-shape.js';

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
  layers?: LayerBuilder;
  /** One line per request (arrival time, method, path, status, ms); omit for silence. */
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
  /** How many requests `GET /__mock/requests` keeps (default 1000); 0 turns the journal off. */
  journalSize?: number;
  /** Answer browsers' cross-origin calls with CORS headers (default true; `--no-cors` turns it off). */
  cors?: boolean;
  /** Generate a new value on every answer, as `Prefer: dynamic=true` asks (`--dynamic`); a request may still say `dynamic=false`. */
  dynamic?: boolean;
  /** Latency and faults for every API request (`--delay`, `--fault-rate`); a request may ask for its own with `Prefer`. */
  faults?: FaultOptions;
  /** The resources the layers serve, so that the self links of answers made without state name their items. */
  resources?: ResourceMap | undefined;
}

export interface MockServer {
  url: string;
  port: number;
  server: Server;
  /** The stateful layers serving now, in order of precedence (see `reload`). */
  readonly layers: readonly StatefulLayer[];
  /** The document served now (see `reload`). */
  readonly spec: LoadedSpec;
  /** The request journal, unless `journalSize` is 0. */
  journal: RequestJournal | undefined;
  /** Serves another document from the next request on, with the layers built for it and the resources they serve (`--watch`). */
  reload(spec: LoadedSpec, layers: LayerBuilder, resources?: ResourceMap): void;
  /** Stops accepting connections, lets in-flight requests finish, then closes the layers. */
  close(): Promise<void>;
}

const WARM_UP_DELAY_MS = 500;

/** Starts the mock: routing, validation and answers from the document, plus optional stateful layers. */
export async function createMockServer(options: MockServerOptions): Promise<MockServer> {
  keepTickObjectShape();
  let spec = options.spec;
  let layers: StatefulLayer[] = [];
  let table: ReadonlyMap<Operation, StatefulLayer> = new Map();
  // Known once listening; requests cannot arrive before.
  let url = '';
  const journalSize = options.journalSize ?? DEFAULT_JOURNAL_SIZE;
  const journal = journalSize > 0 ? new RequestJournal(journalSize) : undefined;
  const observer = combineObservers([journal, options.dashboard]);
  const pipeline: RequestPipeline = {
    ...compile(spec, options.security !== false, options.resources),
    bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
    playback: options.playback,
    layerFor: (operation) => table.get(operation),
    stateVersion: () => {
      let version = 0;
      for (const layer of layers) {
        if (layer.stateVersion === undefined) return undefined;
        version += layer.stateVersion;
      }
      return version;
    },
    origin: (headers) => options.baseUrl ?? requestOrigin(headers) ?? url,
    observer,
    dynamic: options.dynamic === true,
    admin: createAdmin({
      apiKey: options.apiKey,
      dashboard: options.dashboard,
      journal,
      layers: () => layers,
      operations: () => spec.operations.length,
      reset() {
        for (const layer of layers) layer.reset();
        journal?.clear();
      },
    }),
  };

  // Responses not yet written; on close they are told to end their connection, so a keep-alive
  // socket does not hold the shutdown open for the keep-alive timeout after its last answer.
  const inFlight = new InFlight();
  let closing = false;
  // Once the last answer is written, every socket left is idle or has not sent a whole request: a
  // browser's preconnected or pooled socket would otherwise hold the shutdown open until it times out.
  const dropConnectionsOnceIdle = () => {
    if (inFlight.size === 0) server.closeAllConnections();
  };
  const log = options.log;
  const cors = options.cors !== false;
  const planFaults = createFaultPlanner(options.faults);
  const serve = (req: IncomingMessage, res: ServerResponse, plan: FaultPlan | undefined, started: number) => {
    if (observer?.watching) observer.begin(req, res, started);
    const done = (status: number) => {
      if (log) {
        const now = performance.now();
        const arrived = loggedTime(Date.now() - (now - started));
        log(`${arrived} ${req.method} ${loggedTarget(req.url ?? '')} ${status || 'reset'} ${(now - started).toFixed(1)}ms`);
      }
      observer?.ended(req, res, status);
    };
    const fail = (error: unknown) => {
      const status = problem(res, toProblem('internal_error', `the mock failed on this request: ${(error as Error)?.message ?? error}`));
      done(status);
    };
    if (plan?.fault !== undefined) return done(answerFault(req, res, plan.fault));
    try {
      const status = handleRequest(pipeline, req, res);
      if (typeof status === 'number') done(status);
      else status.then(done, fail);
    } catch (error) {
      fail(error);
    }
  };
  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    const started = performance.now();
    if (closing) res.setHeader('connection', 'close');
    const entry = inFlight.add(res);
    // `on`, not `once`: a response closes once (and a second delete does nothing), and once's
    // wrapper and its removal cost two allocations and a lookup per request.
    res.on('close', () => {
      inFlight.delete(entry);
      if (closing) dropConnectionsOnceIdle();
    });
    if (cors) applyCors(req, res);
    // Administration requests are never delayed or faulted: a test must always reach them.
    const plan = req.url?.startsWith('/__mock/') ? undefined : planFaults(req);
    if (!plan || plan.delayMs === 0) return serve(req, res, plan, started);
    // The request waits unread (its body stays buffered) and is then served as if it had just arrived.
    setTimeout(() => {
      if (!res.destroyed) serve(req, res, plan, started);
    }, plan.delayMs);
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
  // A layer asks the others about the parents of its resources once they all exist (at request time).
  const itemExists: LayerContext['itemExists'] = (path) => {
    for (const layer of layers) {
      const known = layer.itemExists?.(path);
      if (known !== undefined) return known;
    }
    return undefined;
  };
  const build = (builder: LayerBuilder | undefined, compiled: Pick<RequestPipeline, 'validator' | 'responder'>) =>
    builder?.({ url, validator: compiled.validator, responder: compiled.responder, itemExists }) ?? [];
  try {
    layers = build(options.layers, pipeline);
  } catch (error) {
    // A layer refusing its state (a malformed snapshot) must not leave a server listening.
    await new Promise<void>((resolve) => server.close(() => resolve()));
    throw error;
  }
  table = buildLayerTable(spec.operations, layers);
  warmUp(server, pipeline.validator);

  return {
    url,
    port: address.port,
    server,
    get layers() {
      return layers;
    },
    get spec() {
      return spec;
    },
    journal,
    reload(next, nextLayers, resources) {
      // Everything is built before anything is swapped, so a request sees one document or the other.
      const compiled = compile(next, options.security !== false, resources);
      const built = build(nextLayers, compiled);
      const previous = layers;
      Object.assign(pipeline, compiled);
      spec = next;
      layers = built;
      table = buildLayerTable(next.operations, built);
      options.dashboard?.useSpec(next);
      for (const layer of previous) if (!built.includes(layer)) layer.close();
      warmUp(server, compiled.validator);
    },
    close: () =>
      new Promise<void>((resolve) => {
        closing = true;
        options.dashboard?.close();
        for (const res of inFlight) if (!res.headersSent) res.setHeader('connection', 'close');
        server.close(() => {
          for (const layer of layers) layer.close();
          resolve();
        });
        dropConnectionsOnceIdle();
      }),
  };
}

/** The parts of the pipeline that follow from the document, built once per document. */
function compile(
  spec: LoadedSpec,
  security: boolean,
  resources: ResourceMap | undefined,
): Pick<RequestPipeline, 'validator' | 'router' | 'responder' | 'security' | 'reuse'> {
  const validator = new SpecValidator(spec);
  return {
    validator,
    // Answers kept for one document are never sent for another.
    reuse: new AnswerReuse(traceHeadersOf(spec.document, spec.operations)),
    router: new Router(spec.operations),
    responder: new StatelessResponder(validator, resources),
    security: security ? new SecurityGate(spec.document) : undefined,
  };
}

// Compile the remaining validators shortly after listening, one operation per turn of the event
// loop: the first requests compile only what they need, and later ones find everything ready.
function warmUp(server: Server, validator: SpecValidator): void {
  const warming = validator.warmSteps();
  const warmNext = () => {
    if (!server.listening || warming.next().done) return;
    setImmediate(warmNext);
  };
  setTimeout(warmNext, WARM_UP_DELAY_MS).unref();
}
