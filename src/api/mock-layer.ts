import { UsageError } from '../core/index.js';
import { EVERRUNS_PROBLEM_TYPE_BASE, bindAppsRoutes, createAppsModel, type AppsSnapshot } from '../model/apps/index.js';
import { inferResources, type ResourceMap, type ResourceSnapshot } from '../model/resources/index.js';
import {
  createAppsLayer,
  createIdSource,
  createRandom,
  createResourcesLayer,
  isAppsOperation,
  openSqliteSink,
  openStateFile,
  RESOURCES_TABLE,
  seedSink,
  seededClock,
  type ChangeSink,
  type LayerBuilder,
  type LayerContext,
  type StatefulLayer,
  type StateFile,
} from '../mock/index.js';
import type { LoadedSpec } from '../openapi/index.js';
import { readResourceOverrides, readStateSnapshot } from './state-files.js';

/** What decides which stateful layers serve a document, and how they are built. */
export interface LayerOptions {
  /** Serve from the document alone: no Apps layer, no inferred resources. */
  stateless?: boolean | undefined;
  /** The initial state: a snapshot as `state()` gives it, or the path of a JSON file holding one. */
  state?: unknown;
  /** Persist the state in this SQLite file (needs the optional better-sqlite3). */
  stateFile?: string | undefined;
  /** Corrections to the inferred resources: the override JSON, or the path of a file holding it. */
  resourceOverrides?: unknown;
  seed?: number | undefined;
  apiKey?: string | undefined;
  baseUrl?: string | undefined;
  uiBaseUrl?: string | undefined;
  runDurationMs?: number | undefined;
  runFailureRate?: number | undefined;
}

/** What a reload (`--watch`) hands on: the state file already open, and whether an Apps layer runs (and keeps its own sink). */
export interface ReloadContext {
  file: StateFile | undefined;
  appsRunning: boolean;
}

/** The stateful layers chosen for a document: their names (for messages), how to build them, and the problem type base. */
export interface LayerChoice {
  /** `'Apps'` and `'inferred resources'`, in order of precedence; empty for a stateless mock. */
  names: string[];
  /** Where the document names its problem types, stateful or not. */
  problemTypeBase: string | undefined;
  /** What was inferred of the operations the Apps layer leaves; undefined with `stateless`. */
  map: ResourceMap | undefined;
  /** Builds the layers once the server knows its URL; undefined for a stateless mock. */
  build: LayerBuilder | undefined;
  /** Builds the Apps layer alone (a reload keeps a running one instead). */
  apps: ((context: LayerContext) => StatefulLayer) | undefined;
  /** Builds the inferred-resources layer alone: from the initial state, or from records a reload carries over. */
  resources: ((context: LayerContext, carried?: ResourceSnapshot) => StatefulLayer) | undefined;
  /** The SQLite file the layers persist to, open while the mock runs. */
  stateFile: StateFile | undefined;
}

/**
 * The one place that decides how a document is served (the CLI's `mock` and the library's
 * `startMock()` both come here): the Apps layer for the Apps operations a document declares, then
 * the resources inferred from everything else, and stateless answers for what neither claims. A
 * state file is opened and an initial state read here, before the server listens.
 */
export async function chooseLayers(spec: LoadedSpec, options: LayerOptions, reload?: ReloadContext): Promise<LayerChoice> {
  // The Apps layer serves the Apps routes a document declares (by method and path, whatever its
  // operationIds), once it declares those the Apps rules need: spec/ and the platform's document alike.
  const appsDocument = bindAppsRoutes(spec.operations) !== undefined;
  const problemTypeBase = appsDocument ? EVERRUNS_PROBLEM_TYPE_BASE : undefined;
  const apps = !options.stateless && appsDocument;
  if (options.stateless && options.resourceOverrides !== undefined) {
    throw new UsageError('--resource-overrides corrects the inferred resources, which --stateless turns off: drop --stateless to use it');
  }
  const map = options.stateless ? undefined : await inferMap(spec, apps, options);
  const names = [...(apps ? ['Apps'] : []), ...(map && map.collections.length > 0 ? ['inferred resources'] : [])];
  if (names.length === 0) {
    if (options.state !== undefined || options.stateFile !== undefined) {
      throw new UsageError(
        'an initial state (--load) or a state file (--state) needs a stateful mock: a document with resources or the Apps operations, not --stateless',
      );
    }
    return { names, problemTypeBase, map, build: undefined, apps: undefined, resources: undefined, stateFile: undefined };
  }
  const loaded = options.state === undefined ? undefined : await readStateSnapshot(options.state, apps);
  const stored =
    options.stateFile === undefined
      ? undefined
      : openStore(options.stateFile, apps && !reload?.appsRunning, loaded !== undefined, reload?.file);
  let appsSnapshot = loaded?.apps;
  if (stored?.appsSnapshot) appsSnapshot = stored.appsSnapshot;
  else if (stored?.appsSink && loaded?.apps) seedSink(stored.appsSink, loaded.apps);
  const random = createRandom(options.seed);
  const buildApps = apps ? appsLayer(options, random, appsSnapshot, stored?.appsSink) : undefined;
  const table = stored?.file.table(RESOURCES_TABLE);
  // Beside the Apps layer the resources layer stands even when it infers nothing, so /__mock/resources says why.
  const buildResources = map
    ? (context: LayerContext, carried?: ResourceSnapshot) => {
        // Records a reload carries over replace what the file held under the previous document.
        if (carried) table?.clear();
        return createResourcesLayer({ map, context, random, snapshot: carried ?? loaded?.resources, table });
      }
    : undefined;
  const build: LayerBuilder = (context) => [
    ...(buildApps ? [buildApps(context)] : []),
    ...(buildResources ? [buildResources(context)] : []),
  ];
  return { names, problemTypeBase, map, build, apps: buildApps, resources: buildResources, stateFile: stored?.file };
}

/** The resources inferred from the operations the Apps layer does not serve. */
async function inferMap(spec: LoadedSpec, apps: boolean, options: LayerOptions): Promise<ResourceMap> {
  const overrides = options.resourceOverrides === undefined ? undefined : await readResourceOverrides(options.resourceOverrides);
  const operations = apps ? spec.operations.filter((operation) => !isAppsOperation(operation)) : spec.operations;
  return inferResources({ document: spec.document, operations }, overrides);
}

/** Opens the state file: the Apps part through its sink, the resources' through their table; an initial state may not overwrite it. */
function openStore(
  path: string,
  apps: boolean,
  loading: boolean,
  open: StateFile | undefined,
): { file: StateFile; appsSink: ChangeSink | undefined; appsSnapshot: AppsSnapshot | undefined } {
  const file = open ?? openStateFile(path);
  const opened = apps ? openSqliteSink(path) : undefined;
  if (loading && (opened?.snapshot || !file.table(RESOURCES_TABLE).isEmpty())) {
    opened?.sink.close();
    file.close();
    throw new UsageError(`--load would overwrite the non-empty state in ${path}; drop one of them`);
  }
  return { file, appsSink: opened?.sink, appsSnapshot: opened?.snapshot };
}

function appsLayer(
  options: LayerOptions,
  random: () => number,
  snapshot: AppsSnapshot | undefined,
  sink: ChangeSink | undefined,
): (context: LayerContext) => StatefulLayer {
  const newId = createIdSource(random, options.seed === undefined ? Date.now : seededClock(options.seed));
  return (context) => {
    let first = true;
    return createAppsLayer((restored) => {
      const model = createAppsModel(
        {
          now: () => new Date(),
          newId,
          random,
          baseUrl: options.baseUrl ?? context.url,
          uiBaseUrl: options.uiBaseUrl ?? 'https://app.everruns.com',
          runDurationMs: options.runDurationMs ?? 2000,
          runFailureRate: options.runFailureRate ?? 0,
          apiKey: options.apiKey,
        },
        restored ?? (first ? snapshot : undefined),
      );
      first = false;
      return model;
    }, sink, context);
  };
}
