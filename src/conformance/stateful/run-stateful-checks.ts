import fc from 'fast-check';
import { deriveSeed } from '../run/seed.js';
import { MismatchError } from './mismatch.js';
import type { StatefulFinding, StatefulOptions, StatefulResult } from './options.js';
import { formatStatefulReplay, parseStatefulReplay, type StatefulReplay } from './replay-path.js';
import type { Sequence } from './sequence.js';
import type { StatefulSession } from './session.js';
import type { StatefulSource } from './source.js';
import { toFinding } from './to-finding.js';

const DEFAULT_MAX_COMMANDS = 20;

/**
 * Runs random command sequences of a source against the target, its oracle judging each answer.
 * A failing sequence shrinks to a minimal one and becomes one finding; the search then starts
 * again (a new round, a derived seed) with the rules already reported no longer enforced, until a
 * round passes.
 */
export async function runStatefulChecks<S extends Sequence>(source: StatefulSource<S>, options: StatefulOptions): Promise<StatefulResult> {
  const enabled = source.checks.map((check) => check.name).filter((name) => options.checks.has(name));
  const result: StatefulResult = { findings: [], requests: 0 };
  if (enabled.length === 0) return result;
  const replay = options.replay === undefined ? undefined : parseStatefulReplay(source.replayPrefix, options.replay);
  if (options.replay !== undefined && !replay) throw new TypeError(`not a ${source.replayPrefix} replay path: ${options.replay}`);
  const round = (at: StatefulReplay & { seed: number }) => runRound(source, options, enabled, at, result);
  if (replay) {
    const finding = await round({ seed: options.seed, ...replay });
    if (finding) result.findings.push(finding);
    return result;
  }
  const excluded: string[] = [];
  for (let index = 0; index < enabled.length && !options.signal?.aborted; index++) {
    const seed = index === 0 ? options.seed : deriveSeed(options.seed, `stateful:${index}`);
    const finding = await round({ seed, round: index, excluded: [...excluded], path: '', replayPath: '' });
    if (!finding) break;
    result.findings.push(finding);
    excluded.push(finding.check);
    if (excluded.length === enabled.length) break;
  }
  return result;
}

async function runRound<S extends Sequence>(
  source: StatefulSource<S>,
  options: StatefulOptions,
  enabled: readonly string[],
  round: StatefulReplay & { seed: number },
  result: StatefulResult,
): Promise<StatefulFinding | undefined> {
  const session: StatefulSession = {
    options,
    base: options.target.replace(/\/+$/, ''),
    enforced: new Set(enabled.filter((name) => !round.excluded.includes(name))),
    tag: `${(round.seed >>> 0).toString(36)}r${round.round}`,
    requests: 0,
    tokens: 0,
  };
  const arbitraries = source.commands(options);
  // A document with nothing the source can drive (no collection it can create in) runs no sequence.
  if (arbitraries.length === 0) return undefined;
  const commands = fc.commands(arbitraries, {
    maxCommands: options.maxCommands ?? DEFAULT_MAX_COMMANDS,
    // Long sequences are what reach the deep states (created, changed, then used); shrinking still finds the short one.
    size: 'max',
    ...(round.replayPath ? { replayPath: round.replayPath } : {}),
  });
  const property = fc.asyncProperty(commands, async (sequence) => {
    const world = source.sequence(session);
    await fc.asyncModelRun(() => ({ model: world, real: world }), sequence);
  });
  const details = await fc.check(property, {
    seed: round.seed,
    numRuns: round.path ? 1 : options.numRuns,
    // A replay runs the recorded case once, as it is: no further shrinking.
    ...(round.path ? { path: round.path, endOnFailure: true } : {}),
  });
  result.requests += session.requests;
  if (session.transportError) result.transportError ??= session.transportError;
  if (!details.failed) return undefined;
  if (!(details.errorInstance instanceof MismatchError) || !session.failure) {
    // Not a broken contract but a failure of the checks themselves: a toolkit bug, not a finding.
    throw details.errorInstance instanceof Error ? details.errorInstance : new Error(String(details.errorInstance));
  }
  const replayPath = /replayPath="([^"]*)"/.exec(String(details.counterexample?.[0] ?? ''))?.[1] ?? '';
  const path = formatStatefulReplay(source.replayPrefix, {
    round: round.round,
    excluded: round.excluded,
    path: details.counterexamplePath ?? '',
    replayPath,
  });
  return toFinding(session.failure, { seed: round.seed, path });
}
