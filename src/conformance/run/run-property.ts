import fc from 'fast-check';
import type { Operation } from '../../openapi/index.js';
import { findingKey } from '../findings/finding-book.js';
import type { Finding, Replay } from '../findings/finding.js';
import { requestArbitrary, type RequestMode } from '../generate/request-arbitrary.js';
import type { RequestPlan } from '../generate/request-plan.js';
import { execute } from './execute.js';
import { halted, type Run } from './run.js';
import { formatReplay, type CaseReplay } from './replay-target.js';
import { deriveSeed } from './seed.js';

// After a failure shrinks, the search restarts (new seed) to look for other causes, this many times at most.
const MAX_ROUNDS = 4;

/**
 * Runs `runs` generated requests of one operation and mode as a fast-check property that fails on
 * any cause not seen before; fast-check then shrinks that case to a minimal one, which becomes the
 * finding's evidence, with the seed and path that replay it. Every other sighting is counted with
 * the path of its own (unshrunk) case. Returns how many requests were generated.
 */
export async function runProperty(
  run: Run,
  operation: Operation,
  mode: RequestMode,
  runs: number,
  deadline: number,
  replay?: CaseReplay,
): Promise<number> {
  const { config, state } = run;
  const arbitrary = buildArbitrary(run, operation, mode);
  if (!arbitrary || runs <= 0) return 0;
  let remaining = runs;
  let generated = 0;
  const unshrunk: Array<{ finding: Finding; replay: Replay }> = [];
  const stop = () => halted(run) || state.health.gaveUp(operation.id);
  for (let round = replay?.round ?? 0; round < MAX_ROUNDS && remaining > 0 && !stop(); round++) {
    const search = {
      target: undefined as string | undefined,
      evidence: [] as Finding[],
      others: [] as Finding[],
      index: 0,
      transport: false,
    };
    const caseReplay = (index: number): Replay => ({
      seed: config.seed,
      path: formatReplay({ operation: operation.id, mode, round, path: String(index) }),
    });
    let index = -1;
    const property = fc.asyncProperty(arbitrary, async (plan: RequestPlan) => {
      const shrinking = search.target !== undefined;
      // fast-check's path starts with the index of the generated case: count every one.
      if (!shrinking) index += 1;
      if (stop() || Date.now() > deadline) return true;
      // A hanging target would make every shrink step cost a whole timeout: keep the first case as it is.
      if (shrinking && search.transport) return true;
      let executed;
      try {
        executed = await execute(run, operation, plan, { count: !shrinking });
      } catch (error) {
        // A generated value this runner cannot put on the wire is the runner's problem, not the target's.
        config.emit({
          type: 'run-warned',
          message: `could not send a generated ${operation.id} request: ${(error as Error)?.message ?? error}`,
        });
        return true;
      }
      if (!shrinking) {
        generated += 1;
        for (const finding of executed.findings) state.findings.bump(finding, caseReplay(index));
        const fresh = executed.findings.filter((finding) => !state.findings.has(finding));
        if (fresh.length === 0) return true;
        search.target = findingKey(fresh[0]!);
        search.evidence = fresh.filter((finding) => findingKey(finding) === search.target);
        search.others = fresh.filter((finding) => findingKey(finding) !== search.target);
        search.index = index;
        search.transport = executed.transport !== undefined;
        return false;
      }
      const hit = executed.findings.filter((finding) => findingKey(finding) === search.target);
      if (hit.length === 0) return true;
      search.evidence = hit;
      return false;
    });
    const seed = deriveSeed(config.seed, `${operation.id}:${mode}:${round}`);
    const details = await fc.check(property, {
      seed,
      numRuns: replay ? 1 : remaining,
      // A replay runs the recorded case once, as it is: no further shrinking.
      ...(replay ? { path: replay.path, endOnFailure: true } : {}),
      ...(deadline < Number.MAX_SAFE_INTEGER
        ? { interruptAfterTimeLimit: Math.max(1, deadline - Date.now()), markInterruptAsFailure: false }
        : {}),
    });
    remaining -= Math.max(1, details.numRuns);
    if (details.failed && search.target === undefined) {
      config.emit({
        type: 'run-warned',
        message: `generating ${mode} requests for ${operation.id} failed: ${String((details.errorInstance as Error | undefined)?.message ?? 'unknown error')}`,
      });
    }
    if (!details.failed || search.target === undefined) break;
    const path = details.counterexamplePath ?? '';
    state.findings.recordAll(search.evidence, { seed: config.seed, path: formatReplay({ operation: operation.id, mode, round, path }) });
    // A replay's path is the case itself, not a run index within the round.
    const others = replay ? { seed: config.seed, path: formatReplay(replay) } : caseReplay(search.index);
    unshrunk.push(...search.others.map((finding) => ({ finding, replay: others })));
    if (replay) break;
  }
  // Other new causes seen in a failing case get their own round first; those no round shrank keep the replay of the case they were seen in.
  for (const { finding, replay: at } of unshrunk) if (!state.findings.has(finding)) state.findings.record(finding, at);
  return generated;
}

/** The operation's request arbitrary; a schema the generators cannot satisfy is a warning, not a crash. */
export function buildArbitrary({ config }: Run, operation: Operation, mode: RequestMode): fc.Arbitrary<RequestPlan> | undefined {
  try {
    return requestArbitrary(operation, config.schemas, mode);
  } catch (error) {
    config.emit({
      type: 'run-warned',
      message: `cannot generate ${mode} requests for ${operation.id}: ${(error as Error)?.message ?? error}`,
    });
    return undefined;
  }
}
