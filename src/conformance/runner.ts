import type { Dispatcher } from 'undici';
import { UpstreamError, UsageError, type HeaderMap } from '../core/index.js';
import { resolveRef, type LoadedSpec, type Operation } from '../openapi/index.js';
import { createHttpClient, isTransportFailure } from '../transport/index.js';
import { SpecValidator } from '../validation/index.js';
import { setUpAppsFixtures } from './apps-fixtures.js';
import { probeApiKey } from './auth-probes.js';
import type { Check } from './check.js';
import { ALL_CHECKS } from './checks/index.js';
import { selectChecks } from './checks/select.js';
import { cleanUp } from './cleanup.js';
import { EventChannel } from './event-channel.js';
import type { RunEvent, RunSummary } from './events.js';
import { FindingBook } from './finding-book.js';
import { IdPool } from './id-pool.js';
import type { RequestMode } from './request-arbitrary.js';
import type { RunEnv } from './run-env.js';
import { parseReplay, runProperty, type ReplayTarget } from './run-property.js';
import { primarySchemes } from './security.js';
import { flushDeferred } from './record-findings.js';
import { randomSeed } from './seed.js';

/** Options of one conformance run; only `spec` and `target` are required. */
export interface ConformanceOptions {
  spec: LoadedSpec;
  /** Base URL of the deployment under test. */
  target: string;
  /** Extra headers sent with every request (credentials: masked in every report). */
  headers?: HeaderMap;
  /** Sent as `Authorization: Bearer KEY`; its presence also means a missing or wrong key must get 401. */
  apiKey?: string;
  /** Generated requests per operation and mode (positive, negative); default 100. */
  runs?: number;
  seed?: number;
  /** A replay path printed with a finding: runs only that case. */
  replay?: string;
  checks?: readonly string[];
  excludeChecks?: readonly string[];
  /** Only these operationIds (default: all); lets a vitest campaign split the document across files. */
  operations?: readonly string[];
  /** The registry to choose from (default ALL_CHECKS); the stateful layer adds its own. */
  availableChecks?: readonly Check[];
  timeoutMs?: number;
  rate?: number;
  concurrency?: number;
  maxDurationMs?: number;
  readOnly?: boolean;
  vars?: Readonly<Record<string, string>>;
  /** Ctrl-C: stops generating, then archives what the run created. */
  signal?: AbortSignal;
  dispatcher?: Dispatcher;
  maxBodyBytes?: number;
  maxRetries?: number;
  maxRetryWaitMs?: number;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Runs every enabled check against `target`, streaming progress, findings and the summary as events. */
export async function* runConformance(options: ConformanceOptions): AsyncGenerator<RunEvent> {
  const channel = new EventChannel<RunEvent>();
  const done = drive(options, (event) => channel.push(event)).then(
    () => channel.close(),
    (error: unknown) => channel.close({ error }),
  );
  yield* channel;
  await done;
}

async function drive(options: ConformanceOptions, emit: (event: RunEvent) => void): Promise<void> {
  const started = Date.now();
  const checks = selectChecks(options.availableChecks ?? ALL_CHECKS, options.checks, options.excludeChecks);
  const replay = options.replay === undefined ? undefined : parseReplay(options.replay);
  if (options.replay !== undefined && !replay) throw new UsageError(`--replay expects OPERATION:MODE:ROUND:PATH as printed with a finding, got '${options.replay}'`);
  if (replay && options.seed === undefined) throw new UsageError('--replay needs the --seed printed with it');
  const seed = options.seed ?? randomSeed();
  const baseUrl = options.target.replace(/\/+$/, '');
  const { spec } = options;
  const validator = new SpecValidator(spec);
  const client = createHttpClient({
    timeoutMs: options.timeoutMs ?? 10_000,
    ...(options.dispatcher ? { dispatcher: options.dispatcher } : {}),
    ...(options.rate ? { rate: options.rate } : {}),
    concurrency: options.concurrency ?? 4,
    ...(options.maxBodyBytes ? { maxBodyBytes: options.maxBodyBytes } : {}),
    ...(options.maxRetries !== undefined ? { maxRetries: options.maxRetries } : {}),
    ...(options.maxRetryWaitMs !== undefined ? { maxRetryWaitMs: options.maxRetryWaitMs } : {}),
  });
  try {
    const probe = await client.send({ method: 'GET', url: baseUrl + '/', headers: {} });
    if (isTransportFailure(probe)) throw new UpstreamError(`cannot reach ${baseUrl}: ${probe.message}`);
    const credentials: HeaderMap = { ...lowerCase(options.headers ?? {}), ...(options.apiKey ? { authorization: `Bearer ${options.apiKey}` } : {}) };
    const deadline = options.maxDurationMs === undefined ? Number.MAX_SAFE_INTEGER : started + options.maxDurationMs;
    const env: RunEnv = {
      spec,
      validator,
      ctx: { dialect: spec.version === '3.0' ? 'oas30' : 'oas31', resolveRef: (ref) => resolveRef(spec.document, ref) },
      client,
      pool: new IdPool(spec.operations, validator),
      book: new FindingBook(),
      baseUrl,
      seed,
      vars: options.vars ?? {},
      credentials,
      secrets: Object.values(credentials).flatMap((value) => [value, value.replace(/^Bearer\s+/i, '')]),
      apiKeyConfigured: options.apiKey !== undefined,
      checks,
      namePrefix: `conform-${seed}-`,
      readOnly: options.readOnly ?? false,
      tokens: new Map(),
      primarySchemes: primarySchemes(spec.document),
      created: [],
      deferred: [],
      totals: new Map(checks.map((check) => [check.name, { check: check.name, passed: 0, failed: 0 }])),
      requests: 0,
      maxRetries: options.maxRetries ?? 2,
      stopped: () => options.signal?.aborted === true || Date.now() > deadline,
      emit,
    };
    const unknown = (options.operations ?? []).filter((id) => !spec.operations.some((op) => op.id === id));
    if (unknown.length > 0) throw new UsageError(`unknown operation ${unknown.join(', ')}`);
    const operations = spec.operations.filter(
      (op) => (!env.readOnly || SAFE_METHODS.has(op.method)) && (!replay || op.id === replay.operation) && (!options.operations || options.operations.includes(op.id)),
    );
    if (replay && operations.length === 0) throw new UsageError(`--replay names operation '${replay.operation}', which is not in the document`);
    emit({ type: 'run-started', target: baseUrl, seed, checks: checks.map((c) => c.name), operations: operations.map((op) => op.id), readOnly: env.readOnly });
    let cleanup = { archived: 0, failed: 0 };
    try {
      if (!replay) await probeApiKey(env, operations);
      await setUpAppsFixtures(env);
      await generate(env, operations, options.runs ?? 100, deadline, options.concurrency ?? 4, replay);
    } finally {
      flushDeferred(env);
      cleanup = await cleanUp(env);
    }
    const summary: RunSummary = {
      target: baseUrl,
      seed,
      checks: [...env.totals.values()],
      findings: env.book.all(),
      requests: env.requests,
      durationMs: Date.now() - started,
      interrupted: env.stopped(),
      cleanup,
    };
    emit({ type: 'run-finished', summary });
  } finally {
    await client.close();
  }
}

/** Positive then negative properties of every operation, `concurrency` of them at a time. */
async function generate(env: RunEnv, operations: Operation[], runs: number, deadline: number, concurrency: number, replay?: ReplayTarget): Promise<void> {
  const modes: RequestMode[] = replay ? [replay.mode] : ['positive', 'negative'];
  const tasks = operations.flatMap((operation) => modes.map((mode) => ({ operation, mode })));
  const worker = async () => {
    for (let task = tasks.shift(); task && !env.stopped(); task = tasks.shift()) {
      await runProperty(env, task.operation, task.mode, runs, deadline, replay);
      for (const totals of env.totals.values()) env.emit({ type: 'check-progressed', ...totals });
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, tasks.length)) }, worker));
}

function lowerCase(headers: HeaderMap): HeaderMap {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
}
