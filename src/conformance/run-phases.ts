import { isTransportFailure } from '../transport/index.js';
import { selectNames } from './checks/select.js';
import type { PhaseContext, RunPhase } from './phase.js';
import type { RunEnv } from './run-env.js';

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
export async function runPhases(env: RunEnv, phases: readonly RunPhase[], options: PhaseRunOptions): Promise<void> {
  for (const phase of phases) {
    const enabled = new Set(selectNames(phase.checks, options.include, options.exclude));
    if (enabled.size === 0 || env.stopped()) continue;
    if (env.readOnly) {
      env.emit({ type: 'run-warned', message: `--read-only: skipping the state-changing checks ${[...enabled].join(', ')}` });
      continue;
    }
    const controller = new AbortController();
    const stop = () => controller.abort();
    options.signal?.addEventListener('abort', stop, { once: true });
    const timer = setTimeout(stop, Math.max(0, Math.min(options.deadline - Date.now(), 2 ** 31 - 1)));
    try {
      const result = await phase.run(phaseContext(env, options, enabled, controller.signal));
      env.requests += result.requests;
      for (const finding of result.findings) {
        const entry = env.book.record(finding, finding.replay);
        if (entry) env.emit({ type: 'finding-reported', finding: entry });
      }
      const totals = result.totals ?? [...enabled].map((check) => ({ check, passed: 0, failed: 0 }));
      for (const row of totals) {
        const failed = result.findings.filter((finding) => finding.check === row.check).length;
        env.totals.set(row.check, result.totals ? row : { check: row.check, passed: failed === 0 ? 1 : 0, failed });
        env.emit({ type: 'check-progressed', ...env.totals.get(row.check)! });
      }
    } finally {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', stop);
    }
  }
}

function phaseContext(env: RunEnv, options: PhaseRunOptions, enabled: ReadonlySet<string>, signal: AbortSignal): PhaseContext {
  return {
    spec: env.spec,
    validator: env.validator,
    target: env.baseUrl,
    seed: env.seed,
    runs: options.runs,
    async send(request) {
      const answer = await env.client.send({
        method: request.method,
        url: request.url,
        headers: request.headers,
        ...(request.body ? { body: request.body } : {}),
      });
      if (isTransportFailure(answer)) return { status: 0, headers: {}, body: Buffer.from(`no response: ${answer.message}`) };
      return answer;
    },
    headers: { ...env.credentials },
    vars: env.vars,
    namePrefix: env.namePrefix,
    onCreated: (id) => noteCreatedId(env, id),
    signal,
    enabled,
    ...(options.replay === undefined ? {} : { replay: options.replay }),
  };
}

/** Finds the DELETE with one path parameter whose schema takes this id, and queues the id for archiving. */
function noteCreatedId(env: RunEnv, id: string): void {
  for (const operation of env.spec.operations) {
    if (operation.method !== 'DELETE') continue;
    const params = operation.parameters.filter((param) => param.in === 'path');
    const param = params[0];
    if (params.length !== 1 || !param?.schemaPointer) continue;
    if (env.validator.check('path', param.schemaPointer, id).length > 0) continue;
    env.created.push({ operation, pathParams: { [param.name]: id } });
    return;
  }
}
