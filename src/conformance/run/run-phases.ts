import { selectNames } from '../checks/select.js';
import type { PhaseContext, RunPhase } from './phase.js';
import { halted, type Run } from './run.js';
import { sendCounted } from './send-counted.js';

export interface PhaseRunOptions {
  runs: number;
  include?: readonly string[] | undefined;
  exclude?: readonly string[] | undefined;
  signal?: AbortSignal | undefined;
  deadline: number;
  /** A replay path the stateless runner did not recognise. */
  replay?: string | undefined;
}

/** Runs each extra phase with the run's client and bookkeeping; its findings join the book and its checks the totals. */
export async function runPhases(run: Run, phases: readonly RunPhase[], options: PhaseRunOptions): Promise<void> {
  const { config, state } = run;
  for (const phase of phases) {
    const enabled = new Set(selectNames(phase.checks, options.include, options.exclude));
    if (enabled.size === 0 || halted(run)) continue;
    if (options.replay !== undefined && phase.replays && !phase.replays(options.replay)) continue;
    if (config.readOnly) {
      config.emit({ type: 'run-warned', message: `--read-only: skipping the state-changing checks ${[...enabled].join(', ')}` });
      continue;
    }
    const controller = new AbortController();
    const stop = () => controller.abort();
    options.signal?.addEventListener('abort', stop, { once: true });
    const timer = setTimeout(stop, Math.max(0, Math.min(options.deadline - Date.now(), 2 ** 31 - 1)));
    try {
      const result = await phase.run(phaseContext(run, options, enabled, controller.signal, progressOf(run, [...enabled])));
      state.tally.countRequests(result.requests);
      for (const message of result.warnings ?? []) config.emit({ type: 'run-warned', message });
      for (const finding of result.findings) state.findings.record(finding, finding.replay);
      const totals = result.totals ?? [...enabled].map((check) => ({ check, passed: 0, failed: 0 }));
      for (const row of totals) {
        const failed = result.findings.filter((finding) => finding.check === row.check).length;
        const counted = result.totals ? row : { check: row.check, passed: failed === 0 ? 1 : 0, failed };
        // Two phases may report under one name (read_your_writes of the Apps and of any resource): their counts add up.
        const before = state.tally.of(row.check);
        state.tally.set(
          before ? { check: row.check, passed: before.passed + counted.passed, failed: before.failed + counted.failed } : counted,
        );
        config.emit({ type: 'check-progressed', ...state.tally.of(row.check)! });
      }
    } finally {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', stop);
    }
  }
}

// A phase sends many requests before it reports; its progress is told at most this often.
const PROGRESS_EVERY_MS = 100;

/** Counts a phase's requests and tells the count now and then, so a progress line keeps moving. */
function progressOf({ config }: Run, checks: readonly string[]): () => void {
  const started = Date.now();
  let requests = 0;
  let told = 0;
  return () => {
    requests += 1;
    const now = Date.now();
    if (now - told < PROGRESS_EVERY_MS) return;
    told = now;
    config.emit({ type: 'phase-progressed', checks, requests, elapsedMs: now - started });
  };
}

function phaseContext(
  run: Run,
  options: PhaseRunOptions,
  enabled: ReadonlySet<string>,
  signal: AbortSignal,
  sent: () => void,
): PhaseContext {
  const { config, state } = run;
  return {
    spec: config.spec,
    validator: config.validator,
    target: config.baseUrl,
    seed: config.seed,
    runs: options.runs,
    send: (request) => {
      sent();
      return sendCounted(run, request);
    },
    headers: { ...config.credentials },
    vars: config.vars,
    namePrefix: config.namePrefix,
    onCreated: (path) => state.created.notePath(path),
    signal,
    enabled,
    ...(options.replay === undefined ? {} : { replay: options.replay }),
  };
}
