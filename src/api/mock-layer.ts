import { readFile } from 'node:fs/promises';
import { UsageError } from '../core/index.js';
import { EVERRUNS_PROBLEM_TYPE_BASE, createAppsModel, isAppsDocument, type AppsSnapshot } from '../model/apps/index.js';
import {
  createAppsLayer,
  createIdSource,
  createRandom,
  openSqliteSink,
  parseAppsSnapshot,
  seedSink,
  seededClock,
  type ChangeSink,
  type StatefulLayer,
} from '../mock/index.js';
import type { LoadedSpec } from '../openapi/index.js';

/** What decides which stateful layer serves a document, and how it is built. */
export interface LayerOptions {
  /** Serve from the document alone, even a document a layer knows. */
  stateless?: boolean | undefined;
  /** The initial state: a snapshot as `state()` gives it, or the path of a JSON file holding one. */
  state?: unknown;
  /** Persist the state in this SQLite file (needs the optional better-sqlite3). */
  stateFile?: string | undefined;
  seed?: number | undefined;
  apiKey?: string | undefined;
  baseUrl?: string | undefined;
  uiBaseUrl?: string | undefined;
  runDurationMs?: number | undefined;
  runFailureRate?: number | undefined;
}

/** A stateful layer chosen for a document: its name (for messages), how to build it, and its problem type base. */
export interface LayerChoice {
  name: string;
  /** Where the document names its problem types, stateful or not. */
  problemTypeBase: string | undefined;
  /** Builds the layer once the server knows its URL; undefined for a stateless mock. */
  build: ((url: string) => StatefulLayer) | undefined;
}

/** The name of the layer that serves `spec`: `'Apps'` for a document declaring the Apps operations, else `'stateless'`. */
export function layerName(spec: LoadedSpec, options: Pick<LayerOptions, 'stateless'>): string {
  return !options.stateless && isAppsDocument(spec.operations) ? 'Apps' : 'stateless';
}

/**
 * The one place that decides how a document is served (the CLI's `mock` and the library's
 * `startMock()` both come here): the Apps layer for a document declaring the Apps operations,
 * else stateless answers from the document. A state file is opened here, before the server listens.
 */
export async function chooseLayer(spec: LoadedSpec, options: LayerOptions): Promise<LayerChoice> {
  const name = layerName(spec, options);
  const problemTypeBase = isAppsDocument(spec.operations) ? EVERRUNS_PROBLEM_TYPE_BASE : undefined;
  if (name === 'stateless') {
    if (options.state !== undefined || options.stateFile !== undefined) {
      throw new UsageError(
        'an initial state (--load) or a state file (--state) needs the stateful Apps layer: a document with the Apps operations, not --stateless',
      );
    }
    return { name, problemTypeBase, build: undefined };
  }
  return { name, problemTypeBase, build: await appsLayer(options) };
}

async function appsLayer(options: LayerOptions): Promise<(url: string) => StatefulLayer> {
  const loaded = options.state === undefined ? undefined : await readSnapshot(options.state);
  let sink: ChangeSink | undefined;
  let snapshot = loaded;
  if (options.stateFile !== undefined) {
    const opened = openSqliteSink(options.stateFile);
    sink = opened.sink;
    if (opened.snapshot && loaded) {
      sink.close();
      throw new UsageError(`--load would overwrite the non-empty state in ${options.stateFile}; drop one of them`);
    }
    if (opened.snapshot) snapshot = opened.snapshot;
    else if (loaded) seedSink(sink, loaded);
  }
  const random = createRandom(options.seed);
  const newId = createIdSource(random, options.seed === undefined ? Date.now : seededClock(options.seed));
  return (url) => {
    let first = true;
    return createAppsLayer((restored) => {
      const model = createAppsModel(
        {
          now: () => new Date(),
          newId,
          random,
          baseUrl: options.baseUrl ?? url,
          uiBaseUrl: options.uiBaseUrl ?? 'https://app.everruns.com',
          runDurationMs: options.runDurationMs ?? 2000,
          runFailureRate: options.runFailureRate ?? 0,
          apiKey: options.apiKey,
        },
        restored ?? (first ? snapshot : undefined),
      );
      first = false;
      return model;
    }, sink);
  };
}

async function readSnapshot(state: unknown): Promise<AppsSnapshot> {
  if (typeof state !== 'string') return parseAppsSnapshot(state, 'the initial state');
  let text: string;
  try {
    text = await readFile(state, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read the state file ${state}: ${(error as NodeJS.ErrnoException).code ?? error}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`the state file ${state} is not valid JSON: ${(error as Error).message}`);
  }
  return parseAppsSnapshot(value, `the state file ${state}`);
}
