import { UpstreamError, UsageError } from '../../core/index.js';
import { createHttpClient, isTransportFailure } from '../../transport/index.js';
import { SpecValidator } from '../../validation/index.js';
import { ALL_CHECKS } from '../checks/index.js';
import { selectChecks } from '../checks/select.js';
import { probeApiKey } from './auth-probes.js';
import { EventQueue } from './event-queue.js';
import type { RunEvent, RunSummary } from './events.js';
import { generate, selectOperations } from './generation.js';
import { filterOperations } from './operation-filter.js';
import type { ConformanceOptions } from './options.js';
import { parseReplay } from './replay-target.js';
import { startRun } from './run.js';
import { createRunConfig } from './run-config.js';
import { runPhases } from './run-phases.js';
import { randomSeed } from './seed.js';
import { setUpPlugins } from './set-up.js';

/** Runs every enabled check against `target`, streaming progress, findings and the summary as events. */
export async function* runConformance(options: ConformanceOptions): AsyncGenerator<RunEvent> {
  const queue = new EventQueue<RunEvent>();
  const done = drive(options, (event) => queue.push(event)).then(
    () => queue.close(),
    (error: unknown) => queue.close({ error }),
  );
  yield* queue;
  await done;
}

async function drive(options: ConformanceOptions, emit: (event: RunEvent) => void): Promise<void> {
  const started = Date.now();
  const { spec } = options;
  const plugins = (options.plugins ?? []).filter((plugin) => plugin.appliesTo(spec));
  const phases = plugins.flatMap((plugin) => plugin.phases ?? []);
  // A check that needs a setting (max_response_time's limit) runs only when it is given.
  const available = (options.availableChecks ?? ALL_CHECKS).filter(
    (check) => check.needs === undefined || options[check.needs] !== undefined,
  );
  const checks = selectChecks(
    available,
    options.checks,
    options.excludeChecks,
    phases.flatMap((phase) => phase.checks),
  );
  const replay = options.replay === undefined ? undefined : parseReplay(options.replay);
  // A replay path the stateless runner does not know may be a phase's own.
  const phaseReplay =
    options.replay !== undefined && !replay && phases.some((phase) => !phase.replays || phase.replays(options.replay!))
      ? options.replay
      : undefined;
  if (options.replay !== undefined && !replay && !phaseReplay) {
    throw new UsageError(`--replay expects OPERATION:MODE:ROUND:PATH as printed with a finding, got '${options.replay}'`);
  }
  if (options.replay !== undefined && options.seed === undefined) throw new UsageError('--replay needs the --seed printed with it');
  const seed = options.seed ?? randomSeed();
  const baseUrl = options.target.replace(/\/+$/, '');
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
    const run = startRun(
      createRunConfig({
        spec,
        validator: new SpecValidator(spec),
        client,
        baseUrl,
        seed,
        headers: options.headers,
        apiKey: options.apiKey,
        vars: options.vars,
        checks,
        problemRules: plugins.flatMap((plugin) => plugin.problemRules ?? []),
        readOnly: options.readOnly ?? false,
        maxRetries: options.maxRetries ?? 2,
        maxResponseTimeMs: options.maxResponseTimeMs,
        stopped: () => options.signal?.aborted === true || Date.now() > deadline,
        emit,
      }),
    );
    const { config, state } = run;
    const operations = selectOperations(run, options, replay, phaseReplay !== undefined);
    emit({
      type: 'run-started',
      target: baseUrl,
      seed,
      checks: checks.map((check) => check.name),
      operations: operations.map((op) => op.id),
      readOnly: config.readOnly,
    });
    let cleanup = { archived: 0, failed: 0 };
    try {
      const stateless = checks.length > 0 && !phaseReplay;
      if (stateless && !replay) await probeApiKey(run, operations);
      if (stateless && !config.readOnly) await setUpPlugins(run, plugins);
      await generate(run, operations, options.runs ?? 100, deadline, concurrency, replay);
      // The sequences drive every operation they know: a filter that leaves some out skips them.
      const filtered = filterOperations(spec.operations, options.filter).length < spec.operations.length;
      if (filtered && phases.length > 0 && !replay)
        emit({
          type: 'run-warned',
          message: 'the operation filters leave operations out: skipping the stateful sequences, which need them all',
        });
      if (!replay && !filtered) {
        await runPhases(run, phases, {
          runs: options.runs ?? 100,
          include: options.checks,
          exclude: options.excludeChecks,
          signal: options.signal,
          deadline,
          replay: phaseReplay,
        });
      }
    } finally {
      state.findings.flushDeferred();
      cleanup = await state.created.archiveAll(config);
      emit({ type: 'cleanup-finished', ...cleanup });
    }
    const summary: RunSummary = {
      target: baseUrl,
      seed,
      checks: state.tally.all(),
      findings: state.findings.all(),
      requests: state.tally.requests,
      durationMs: Date.now() - started,
      interrupted: config.stopped(),
      cleanup,
      coverage: state.coverage.report(),
      secrets: [...state.secrets.all()],
    };
    emit({ type: 'run-finished', summary });
  } finally {
    await client.close();
  }
}
