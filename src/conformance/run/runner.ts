import { UsageError, splitUrlCredentials } from '../../core/index.js';
import { createHttpClient } from '../../transport/index.js';
import { ALL_CHECKS } from '../checks/index.js';
import { selectChecks, selectNames } from '../checks/select.js';
import { applyWaivers, checkWaiverNames, dayOf } from '../findings/waivers.js';
import { probeApiKey } from './auth-probes.js';
import { EventQueue } from './event-queue.js';
import type { RunEvent, RunSummary } from './events.js';
import { generate, selectOperations } from './generation.js';
import { filterOperations } from './operation-filter.js';
import type { ConformanceOptions } from './options.js';
import { parseReplay, type ReplayTarget } from './replay-target.js';
import { reachTarget } from './reach-target.js';
import { startRun } from './run.js';
import { createRunConfig } from './run-config.js';
import { runPhases } from './run-phases.js';
import { randomSeed } from './seed.js';
import { setUpPlugins } from './set-up.js';
import { specValidatorOf } from './spec-validator-of.js';

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
  // Two phases may report under one name (read_your_writes of the Apps and of any resource): one row, one name.
  const phaseChecks = [...new Set(phases.flatMap((phase) => phase.checks))];
  const registry = options.availableChecks ?? ALL_CHECKS;
  // A check that needs a setting (max_response_time's limit) runs only when it is given.
  const available = registry.filter((check) => check.needs === undefined || options[check.needs] !== undefined);
  const checks = selectChecks(available, options.checks, options.excludeChecks, phaseChecks);
  checkWaiverNames(options.waivers ?? [], [...registry.map((check) => check.name), ...phaseChecks]);
  const { replay, phaseReplay } = readReplay(options, phases);
  if (replay && 'setUp' in replay && !plugins.some((plugin) => plugin.name === replay.setUp && plugin.setUp)) {
    throw new UsageError(`--replay names the set-up of '${replay.setUp}', which does not apply to this document`);
  }
  const seed = options.seed ?? randomSeed();
  const target = splitUrlCredentials(options.target.replace(/\/+$/, ''));
  const baseUrl = target.url;
  const concurrency = options.concurrency ?? 4;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const client = createHttpClient({
    timeoutMs,
    concurrency,
    ...(options.dispatcher ? { dispatcher: options.dispatcher } : {}),
    ...(options.rate ? { rate: options.rate } : {}),
    ...(options.maxBodyBytes ? { maxBodyBytes: options.maxBodyBytes } : {}),
    ...(options.maxRetries !== undefined ? { maxRetries: options.maxRetries } : {}),
    ...(options.maxRetryWaitMs !== undefined ? { maxRetryWaitMs: options.maxRetryWaitMs } : {}),
  });
  try {
    const unreachable = await reachTarget(client, baseUrl, timeoutMs);
    const deadline = options.maxDurationMs === undefined ? Number.MAX_SAFE_INTEGER : started + options.maxDurationMs;
    // Credentials in the target's userinfo are Basic credentials, unless the caller sends its own.
    const headers =
      target.authorization && !options.apiKey && !Object.keys(options.headers ?? {}).some((name) => name.toLowerCase() === 'authorization')
        ? { ...options.headers, authorization: target.authorization }
        : options.headers;
    const run = startRun(
      createRunConfig({
        spec,
        validator: specValidatorOf(spec),
        client,
        baseUrl,
        linkBase: options.linkBase,
        seed,
        headers,
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
    for (const secret of target.secrets) state.secrets.add(secret);
    // The probe's failure counts toward "the target stopped answering".
    if (unreachable) state.health.note('', true);
    const operations = selectOperations(run, options, replay, phaseReplay !== undefined);
    // The sequences drive every operation they know: a filter that leaves some out skips them.
    const filtered = filterOperations(spec.operations, options.filter).length < spec.operations.length;
    const phasesRun = !replay && !filtered && !config.readOnly;
    emit({
      type: 'run-started',
      target: baseUrl,
      seed,
      // Every check the run reports on, the phases' too: the header and the table count the same.
      checks: [...checks.map((check) => check.name), ...(phasesRun ? selectNames(phaseChecks, options.checks, options.excludeChecks) : [])],
      operations: operations.map((op) => op.id),
      readOnly: config.readOnly,
    });
    if (unreachable) emit({ type: 'run-warned', message: unreachable });
    let cleanup = { archived: 0, failed: 0 };
    try {
      const stateless = checks.length > 0 && !phaseReplay;
      if (replay && 'setUp' in replay) {
        if (stateless)
          await setUpPlugins(
            run,
            plugins.filter((plugin) => plugin.name === replay.setUp),
          );
      } else if (replay?.mode === 'auth') {
        if (stateless) await probeApiKey(run, operations);
      } else {
        if (stateless && !replay) await probeApiKey(run, operations);
        // A replayed case draws its path ids from the pool the set-up filled: it runs again too.
        if (stateless && !config.readOnly) await setUpPlugins(run, plugins);
        await generate(run, operations, options.runs ?? 100, deadline, concurrency, replay);
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
      }
    } finally {
      state.findings.flushDeferred();
      cleanup = await state.created.archiveAll(config);
      emit({ type: 'cleanup-finished', ...cleanup });
    }
    if (state.health.unresponsive) emit({ type: 'run-warned', message: `${baseUrl} stopped answering; the run stopped sending` });
    const findings = state.findings.all();
    const summary: RunSummary = {
      target: baseUrl,
      seed,
      checks: state.tally.all(),
      findings,
      requests: state.tally.requests,
      durationMs: Date.now() - started,
      interrupted: options.signal?.aborted === true,
      maxDurationReached: options.signal?.aborted !== true && Date.now() > deadline,
      unresponsive: state.health.unresponsive,
      failOn: options.failOn ?? 'error',
      waivers: applyWaivers(findings, options.waivers ?? [], dayOf(options.now?.() ?? new Date())),
      cleanup,
      coverage: state.coverage.report(),
      secrets: [...state.secrets.all()],
    };
    emit({ type: 'run-finished', summary });
  } finally {
    await client.close();
  }
}

/** The replay path as the runner's own (a case, probes, a set-up) or a phase's; a path nobody knows is a usage error. */
function readReplay(
  options: ConformanceOptions,
  phases: ReadonlyArray<{ replays?(path: string): boolean }>,
): { replay: ReplayTarget | undefined; phaseReplay: string | undefined } {
  if (options.replay === undefined) return { replay: undefined, phaseReplay: undefined };
  if (options.seed === undefined) throw new UsageError('--replay needs the --seed printed with it');
  const replay = parseReplay(options.replay);
  if (replay) return { replay, phaseReplay: undefined };
  // A replay path the stateless runner does not know may be a phase's own.
  if (phases.some((phase) => !phase.replays || phase.replays(options.replay!))) return { replay: undefined, phaseReplay: options.replay };
  throw new UsageError(`--replay expects OPERATION:MODE:ROUND:PATH as printed with a finding, got '${options.replay}'`);
}
