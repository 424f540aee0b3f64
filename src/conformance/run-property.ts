import fc from 'fast-check';
import type { Operation } from '../openapi/index.js';
import type { Finding } from './check.js';
import { execute } from './execute.js';
import { findingKey } from './finding-book.js';
import { recordFindings } from './record-findings.js';
import { requestArbitrary, type RequestMode } from './request-arbitrary.js';
import type { RequestPlan } from './request-plan.js';
import type { RunEnv } from './run-env.js';
import { deriveSeed } from './seed.js';

/** A fast-check path to replay: which operation, mode and round, and fast-check's own path. */
export interface ReplayTarget {
  operation: string;
  mode: RequestMode;
  round: number;
  path: string;
}

/** Formats a replay path (`createApp:negative:0:12:3:0`). */
export function formatReplay(target: ReplayTarget): string {
  return `${target.operation}:${target.mode}:${target.round}:${target.path}`;
}

/** Parses what formatReplay wrote; undefined when it is not one. */
export function parseReplay(text: string): ReplayTarget | undefined {
  const match = /^(.+):(positive|negative):(\d+):(\d+(?::\d+)*)$/.exec(text);
  if (!match) return undefined;
  return { operation: match[1]!, mode: match[2] as RequestMode, round: Number(match[3]), path: match[4]! };
}

// After a failure shrinks, the search restarts (new seed) to look for other causes, this many times at most.
const MAX_ROUNDS = 4;

/**
 * Runs `runs` generated requests of one operation and mode as a fast-check property that fails on
 * any cause not seen before; fast-check then shrinks that case to a minimal one, which becomes the
 * finding's evidence, with the seed and path that replay it. Returns how many requests were generated.
 */
export async function runProperty(
  env: RunEnv,
  operation: Operation,
  mode: RequestMode,
  runs: number,
  deadline: number,
  replay?: ReplayTarget,
): Promise<number> {
  const arbitrary = buildArbitrary(env, operation, mode);
  if (!arbitrary || runs <= 0) return 0;
  let remaining = runs;
  let generated = 0;
  const unshrunk: Finding[] = [];
  for (let round = replay?.round ?? 0; round < MAX_ROUNDS && remaining > 0 && !env.stopped(); round++) {
    const state = { target: undefined as string | undefined, evidence: [] as Finding[], others: [] as Finding[], transport: false };
    const property = fc.asyncProperty(arbitrary, async (plan: RequestPlan) => {
      if (env.stopped() || Date.now() > deadline) return true;
      const shrinking = state.target !== undefined;
      // A hanging target would make every shrink step cost a whole timeout: keep the first case as it is.
      if (shrinking && state.transport) return true;
      let executed;
      try {
        executed = await execute(env, operation, plan, { count: !shrinking });
      } catch (error) {
        // A generated value this runner cannot put on the wire is the runner's problem, not the target's.
        env.emit({
          type: 'run-warned',
          message: `could not send a generated ${operation.id} request: ${(error as Error)?.message ?? error}`,
        });
        return true;
      }
      if (!shrinking) generated += 1;
      if (!shrinking) for (const finding of executed.findings) env.book.bump(finding);
      if (!shrinking) {
        const fresh = executed.findings.filter((finding) => !env.book.has(finding));
        if (fresh.length === 0) return true;
        state.target = findingKey(fresh[0]!);
        state.evidence = fresh.filter((finding) => findingKey(finding) === state.target);
        state.others = fresh.filter((finding) => findingKey(finding) !== state.target);
        state.transport = executed.transport !== undefined;
        return false;
      }
      const hit = executed.findings.filter((finding) => findingKey(finding) === state.target);
      if (hit.length === 0) return true;
      state.evidence = hit;
      return false;
    });
    const seed = deriveSeed(env.seed, `${operation.id}:${mode}:${round}`);
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
    if (details.failed && state.target === undefined) {
      env.emit({
        type: 'run-warned',
        message: `generating ${mode} requests for ${operation.id} failed: ${String((details.errorInstance as Error | undefined)?.message ?? 'unknown error')}`,
      });
    }
    if (!details.failed || state.target === undefined) break;
    const path = details.counterexamplePath ?? '';
    recordFindings(env, state.evidence, { seed: env.seed, path: formatReplay({ operation: operation.id, mode, round, path }) });
    unshrunk.push(...state.others);
    if (replay) break;
  }
  // Other new causes seen in a failing case get their own round first; those no round shrank are kept as seen.
  recordFindings(
    env,
    unshrunk.filter((finding) => !env.book.has(finding)),
  );
  return generated;
}

/** The operation's request arbitrary; a schema the generators cannot satisfy is a warning, not a crash. */
export function buildArbitrary(env: RunEnv, operation: Operation, mode: RequestMode): fc.Arbitrary<RequestPlan> | undefined {
  try {
    return requestArbitrary(operation, env.ctx, mode);
  } catch (error) {
    env.emit({
      type: 'run-warned',
      message: `cannot generate ${mode} requests for ${operation.id}: ${(error as Error)?.message ?? error}`,
    });
    return undefined;
  }
}
