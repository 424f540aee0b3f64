import { UsageError, isSafeMethod } from '../../core/index.js';
import type { Operation } from '../../openapi/index.js';
import type { RequestMode } from '../generate/request-arbitrary.js';
import { filterOperations } from './operation-filter.js';
import type { ConformanceOptions } from './options.js';
import type { CaseReplay, ReplayTarget } from './replay-target.js';
import { halted, type Run } from './run.js';
import { runProperty } from './run-property.js';

/** The operations to generate for: all, or those the filter and --operations keep, or the replayed one; only safe methods when read-only. */
export function selectOperations(
  { config }: Run,
  options: ConformanceOptions,
  replay: ReplayTarget | undefined,
  phaseReplay: boolean,
): Operation[] {
  const operations = filterOperations(config.spec.operations, options.filter);
  const unknown = (options.operations ?? []).filter((id) => !operations.some((op) => op.id === id));
  if (unknown.length > 0) throw new UsageError(`unknown operation ${unknown.join(', ')}`);
  if (phaseReplay || (replay && 'setUp' in replay)) return [];
  const replayed = replay && 'operation' in replay ? replay.operation : undefined;
  const selected = operations.filter(
    (op) =>
      (!config.readOnly || isSafeMethod(op.method)) &&
      (replayed === undefined || op.id === replayed) &&
      (!options.operations || options.operations.includes(op.id)),
  );
  if (replayed !== undefined && selected.length === 0)
    throw new UsageError(`--replay names operation '${replayed}', which is not in the document`);
  return selected;
}

/** Positive then negative properties of every operation, `concurrency` of them at a time. */
export async function generate(
  run: Run,
  operations: readonly Operation[],
  runs: number,
  deadline: number,
  concurrency: number,
  replay?: CaseReplay,
): Promise<void> {
  const { config, state } = run;
  if (config.checks.length === 0) return;
  const modes: RequestMode[] = replay ? [replay.mode] : ['positive', 'negative'];
  const tasks = operations.flatMap((operation) => modes.map((mode) => ({ operation, mode })));
  const total = tasks.length;
  let done = 0;
  const worker = async () => {
    for (let task = tasks.shift(); task && !halted(run); task = tasks.shift()) {
      const requests = await runProperty(run, task.operation, task.mode, runs, deadline, replay);
      done += 1;
      config.emit({ type: 'operation-finished', operation: task.operation.id, mode: task.mode, requests, done, total });
      for (const totals of state.tally.all()) config.emit({ type: 'check-progressed', ...totals });
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, tasks.length)) }, worker));
}
