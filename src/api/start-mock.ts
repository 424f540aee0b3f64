import { UsageError } from '../core/index.js';
import type { ResourceMap } from '../model/resources/index.js';
import {
  createDashboard,
  createMockServer,
  createRandom,
  exportState,
  importState,
  type FaultKind,
  type JournalEntry,
  type RedactExchange,
  type RequestFilter,
} from '../mock/index.js';
import type { LoadedSpec } from '../openapi/index.js';
import { chooseLayers, type LayerChoice, type LayerOptions } from './mock-layer.js';
import { adopt, prepare, type Adopted, type ReloadEvent } from './reload.js';
import { resolveSpec, isSpecUrl, type SpecInput } from './resolve-spec.js';
import { verifyRequests, type ExpectedCount } from './verify.js';
import { watchFile } from './watch-spec.js';

/** Options of `startMock()`; every one has a `mock` flag of the same meaning (README: "The library"). */
export interface StartMockOptions extends LayerOptions {
  /** A path or http(s) URL of a Swagger 2.0 or OpenAPI 3.x document, or a `loadSpec()` result; default the bundled Apps API. */
  spec?: SpecInput;
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 0: a free port (the CLI's default is 4010). */
  port?: number;
  /** Enforce the document's security requirements (default true). */
  security?: boolean;
  /** HAR files whose recorded answers are given first (later files win). */
  fixtures?: readonly string[];
  /** With `fixtures`: an unrecorded request is a 404 problem, not the mock's answer. */
  strict?: boolean;
  /** Serve the dashboard at `/__mock/` (default true). */
  dashboard?: boolean;
  /** Generated answers on every request, as `Prefer: dynamic=true` (default false: the documents' examples). */
  dynamic?: boolean;
  /** CORS headers for browsers' cross-origin calls (default true). */
  cors?: boolean;
  /** How many requests the journal keeps (default 1000; 0 turns it off). */
  journalSize?: number;
  /** Latency added to every API request, in ms, or a `[min, max]` range. */
  delayMs?: number | readonly [number, number];
  /** The share of API requests, 0..1, answered with a fault drawn from `faults`. */
  faultRate?: number;
  /** The faults `faultRate` draws from: 5xx statuses and `'reset'` (default `[500, 'reset']`). */
  faults?: readonly FaultKind[];
  /** Reload the document when its file changes, keeping the state where it still fits. */
  watch?: boolean;
  /** One line per request; omit for silence. */
  log?: (line: string) => void;
  /** Told the outcome of each reload under `watch`. */
  onReload?: (event: ReloadEvent) => void;
}

/** A running mock, stateful or stateless, and the handles a test needs. */
export interface MockHandle {
  /** `http://127.0.0.1:PORT`, without a trailing slash. */
  readonly url: string;
  readonly port: number;
  /** The document served now (it changes under `watch`). */
  readonly spec: LoadedSpec;
  /** The layers serving now: `'Apps'`, `'inferred resources'`, both joined by ` + `, or `'stateless'`. */
  readonly layer: string;
  /** What was inferred of the document's resources (also `GET /__mock/resources`); undefined when stateless. */
  readonly resources: ResourceMap | undefined;
  /** Where state persists (`stateFile`), if anywhere. */
  readonly stateFile: string | undefined;
  /** How many recorded requests `fixtures` hold, if given. */
  readonly recorded: number | undefined;
  /** The state, secrets included, as `load()` restores it (`GET /__mock/state?secrets=include`); `{secrets: false}` hides them as the API does. */
  state(options?: { secrets?: boolean }): unknown;
  /** Replaces the state with a snapshot, checked record by record (`PUT /__mock/state`); a bad one throws and changes nothing. */
  load(snapshot: unknown): void;
  /** Empties the state and the request journal (`POST /__mock/reset`). */
  reset(): void;
  /** The journalled requests `filter` matches, oldest first (`GET /__mock/requests`). */
  requests(filter?: RequestFilter): JournalEntry[];
  /** Forgets the journalled requests (`DELETE /__mock/requests`). */
  clearRequests(): void;
  /**
   * Asserts that `expected` journalled requests (default: at least one) match `filter` and returns
   * them; else throws a RequestVerificationError that lists the journal.
   */
  verify(filter: RequestFilter, expected?: ExpectedCount): JournalEntry[];
  /** Lets in-flight requests finish, then stops; the state file is closed. */
  close(): Promise<void>;
}

/** Starts the mock in-process: the same server, layers and options as `everruns-contract mock`. */
export async function startMock(options: StartMockOptions = {}): Promise<MockHandle> {
  if (options.strict && !options.fixtures?.length) throw new UsageError('--strict goes with --fixtures FILE.har');
  if (options.faultRate !== undefined && !(options.faultRate >= 0 && options.faultRate <= 1))
    throw new UsageError(`the fault rate must be between 0 and 1, got ${options.faultRate}`);
  const watched = options.watch ? watchablePath(options.spec) : undefined;
  // Loaded only when asked for: the recorder's HTTP client is not worth its start-up cost otherwise.
  const playback = options.fixtures?.length
    ? (await import('./playback.js')).loadPlayback(options.fixtures, options.strict ?? false)
    : undefined;
  const spec = await resolveSpec(options.spec);
  let choice = await chooseLayers(spec, options);
  const server = await createMockServer({
    spec,
    host: options.host ?? '127.0.0.1',
    port: options.port ?? 0,
    // The dashboard shows exchanges with secrets taken out by the same rules as HAR recordings;
    // the recorder's module loads when a browser first connects, not at start-up.
    ...(options.dashboard === false ? {} : { dashboard: createDashboard({ spec, loadRedactor }) }),
    ...(options.log ? { log: options.log } : {}),
    ...(playback ? { playback } : {}),
    baseUrl: options.baseUrl,
    apiKey: options.apiKey,
    security: options.security !== false,
    cors: options.cors !== false,
    dynamic: options.dynamic === true,
    ...(options.journalSize === undefined ? {} : { journalSize: options.journalSize }),
    faults: {
      ...(options.delayMs === undefined ? {} : { delayMs: options.delayMs }),
      ...(options.faultRate === undefined ? {} : { rate: options.faultRate }),
      ...(options.faults === undefined ? {} : { kinds: options.faults }),
      // Its own sequence, so faults do not shift the seeded ids.
      random: createRandom(options.seed === undefined ? undefined : (options.seed ^ 0x5bd1e995) >>> 0),
    },
    ...(choice.problemTypeBase ? { problemTypeBase: choice.problemTypeBase } : {}),
    ...(choice.build ? { layers: choice.build } : {}),
    resources: choice.map,
  });
  const stopWatching = watched
    ? watchFile(watched, () => {
        void prepare(watched, choice, options, server.layers).then((prepared) => {
          if (!prepared.ok) return options.onReload?.({ ok: false, error: prepared.error });
          let adopted: Adopted = { layers: [], state: 'none' };
          server.reload(
            prepared.spec,
            (context) => (adopted = adopt(choice, prepared.choice, server.layers, context)).layers,
            prepared.choice.map,
          );
          choice = prepared.choice;
          const { layers: _built, ...outcome } = adopted;
          options.onReload?.({ ok: true, spec: prepared.spec, layer: nameOf(choice), ...outcome });
        });
      })
    : undefined;
  const stateless = (): never => {
    throw new UsageError('this mock is stateless: it holds no state');
  };
  return {
    url: server.url,
    port: server.port,
    get spec() {
      return server.spec;
    },
    get layer() {
      return nameOf(choice);
    },
    get resources() {
      return choice.map;
    },
    stateFile: choice.build ? options.stateFile : undefined,
    recorded: playback?.size,
    state: (opts) => (server.layers.length > 0 ? exportState(server.layers, { secrets: opts?.secrets !== false }) : stateless()),
    load: (snapshot) => (server.layers.length > 0 ? importState(server.layers, snapshot) : stateless()),
    reset() {
      for (const layer of server.layers) layer.reset();
      server.journal?.clear();
    },
    requests: (filter) => journal().list(filter),
    clearRequests: () => journal().clear(),
    verify: (filter, expected) => verifyRequests(journal().list(), journal().list(filter), filter, expected),
    async close() {
      stopWatching?.();
      await server.close();
      choice.stateFile?.close();
    },
  };

  function journal() {
    if (!server.journal) throw new UsageError('the request journal is off (journalSize: 0)');
    return server.journal;
  }
}

function nameOf(choice: LayerChoice): string {
  return choice.names.length > 0 ? choice.names.join(' + ') : 'stateless';
}

function watchablePath(spec: SpecInput | undefined): string | undefined {
  if (typeof spec !== 'string' || isSpecUrl(spec))
    throw new UsageError('--watch needs --spec FILE: a document in a file, not a URL or the bundled one');
  return spec;
}

async function loadRedactor(): Promise<RedactExchange> {
  return (await import('../recording/index.js')).createRedactor().exchange;
}
