import type { Dispatcher } from 'undici';
import { UpstreamError, UsageError, isSafeMethod, type HeaderMap } from '../core/index.js';
import type { LoadedSpec, Operation } from '../openapi/index.js';
import { createHttpClient, isTransportFailure } from '../transport/index.js';
import { SpecValidator } from '../validation/index.js';
import { setUpAppsFixtures } from './apps-fixtures.js';
import { probeApiKey } from './auth-probes.js';
import type { Check } from './check.js';
import { ALL_CHECKS } from './checks/index.js';
import { selectChecks } from './checks/select.js';
import { cleanUp } from './cleanup.js';
import { createRunEnv } from './create-env.js';
import { EventChannel } from './event-channel.js';
import type { RunEvent } from './events.js';
import type { RunPhase } from './phase.js';
import { flushDeferred } from './record-findings.js';
import type { RequestMode } from './request-arbitrary.js';
import type { RunEnv } from './run-env.js';
import { runPhases } from './run-phases.js';
import { parseReplay, runProperty, type ReplayTarget } from './run-property.js';
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
  /** The registry to choose from (default ALL_CHECKS). */
  availableChecks?: readonly Check[];
  /** Steps after the stateless generation (the stateful sequences), reporting under their own check names. */
  phases?: readonly RunPhase[];
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
  const phases = options.phases ?? [];
  const checks = selectChecks(
    options.availableChecks ?? ALL_CHECKS,
    options.checks,
    options.excludeChecks,
    phases.flatMap((phase) => phase.checks),
  );
  const replay = options.replay === undefined ? undefined : parseReplay(options.replay);
  // A replay path the stateless runner does not know may be a phase's own.
  const phaseReplay = options.replay !== undefined && !replay && phases.length > 0 ? options.replay : undefined;
  if (options.replay !== undefined && !replay && !phaseReplay) {
    throw new UsageError(`--replay expects OPERATION:MODE:ROUND:PATH as printed with a finding, got '${options.replay}'`);
  }
  if (options.replay !== undefined && options.seed === undefined) throw new UsageError('--replay needs the --seed printed with it');
  const seed = options.seed ?? randomSeed();
  const baseUrl = options.target.replace(/\/+$/, '');
  const { spec } = options;
  const concurrency = options.concurrency ?? 4;
  const client = createHttpClient({
    timeoutMs: options.timeoutMs ?? 10_000,
    concurrency,
    ...(options.dispatcher ? { dispatcher: options.dispatcher } : {}),
    ...(options.rate ? { rate: options.rate } : {}),
    ...(options.maxBodyBytes ? { maxBodyBytes: options.maxBodyBytes } : {}),
    ...(options.maxRetries !== undefined ? { maxRetries: options.maxRetries } : {}),
    ...(options.maxRetryWaitMs !== undefined ? { maxRetryWaitMs: options.maxRetryWaitMs } : {}),
  });
  try {
    const probe = await client.send({ method: 'GET', url: baseUrl + '/', headers: {} });
    if (isTransportFailure(probe)) throw new UpstreamError(`cannot reach ${baseUrl}: ${probe.message}`);
    const deadline = options.maxDurationMs === undefined ? Number.MAX_SAFE_INTEGER : started + options.maxDurationMs;
    const env = createRunEnv({
      spec,
      validator: new SpecValidator(spec),
      client,
      baseUrl,
      seed,
      headers: options.headers,
      apiKey: options.apiKey,
      vars: options.vars,
      checks,
      readOnly: options.readOnly ?? false,
      maxRetries: options.maxRetries ?? 2,
      stopped: () => options.signal?.aborted === true || Date.now() > deadline,
      emit,
    });
    const operations = selectOperations(env, options, replay, phaseReplay !== undefined);
    emit({
      type: 'run-started',
      target: baseUrl,
      seed,
      checks: [...env.totals.keys()],
      operations: operations.map((op) => op.id),
      readOnly: env.readOnly,
    });
    let cleanup = { archived: 0, failed: 0 };
    try {
      const stateless = env.checks.length > 0 && !phaseReplay;
      if (stateless && !replay) await probeApiKey(env, operations);
      if (stateless) await setUpAppsFixtures(env);
      await generate(env, operations, options.runs ?? 100, deadline, concurrency, replay);
      if (!replay) {
        await runPhases(env, phases, {
          runs: options.runs ?? 100,
          include: options.checks,
          exclude: options.excludeChecks,
          signal: options.signal,
          deadline,
          replay: phaseReplay,
        });
      }
    } finally {
      flushDeferred(env);
      cleanup = await cleanUp(env);
    }
    const summary = {
      target: baseUrl,
      seed,
      checks: [...env.totals.values()],
      findings: env.book.all(),
      requests: env.requests,
      durationMs: Date.now() - started,
      interrupted: env.stopped(),
      cleanup,
      secrets: [...env.secrets],
    };
    emit({ type: 'run-finished', summary });
  } finally {
    await client.close();
  }
}

/** The operations to generate for: all, or --operations, or the replayed one; only safe methods when read-only. */
function selectOperations(env: RunEnv, options: ConformanceOptions, replay: ReplayTarget | undefined, phaseReplay: boolean): Operation[] {
  const unknown = (options.operations ?? []).filter((id) => !env.spec.operations.some((op) => op.id === id));
  if (unknown.length > 0) throw new UsageError(`unknown operation ${unknown.join(', ')}`);
  if (phaseReplay) return [];
  const operations = env.spec.operations.filter(
    (op) =>
      (!env.readOnly || isSafeMethod(op.method)) &&
      (!replay || op.id === replay.operation) &&
      (!options.operations || options.operations.includes(op.id)),
  );
  if (replay && operations.length === 0)
    throw new UsageError(`--replay names operation '${replay.operation}', which is not in the document`);
  return operations;
}

/** Positive then negative properties of every operation, `concurrency` of them at a time. */
async function generate(
  env: RunEnv,
  operations: Operation[],
  runs: number,
  deadline: number,
  concurrency: number,
  replay?: ReplayTarget,
): Promise<void> {
  if (env.checks.length === 0) return;
  const modes: RequestMode[] = replay ? [replay.mode] : ['positive', 'negative'];
  const tasks = operations.flatMap((operation) => modes.map((mode) => ({ operation, mode })));
  const total = tasks.length;
  let done = 0;
  const worker = async () => {
    for (let task = tasks.shift(); task && !env.stopped(); task = tasks.shift()) {
      const requests = await runProperty(env, task.operation, task.mode, runs, deadline, replay);
      done += 1;
      env.emit({ type: 'operation-finished', operation: task.operation.id, mode: task.mode, requests, done, total });
      for (const totals of env.totals.values()) env.emit({ type: 'check-progressed', ...totals });
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, tasks.length)) }, worker));
}
