import fc from 'fast-check';
import { deriveSeed } from '../seed.js';
import { commandArbitraries } from './command-arbitraries.js';
import type { StatefulCommand } from './commands/command.js';
import { idChoices } from './inputs.js';
import { MismatchError } from './mismatch.js';
import type { StatefulFinding, StatefulOptions, StatefulResult } from './options.js';
import { formatStatefulReplay, parseStatefulReplay, type StatefulReplay } from './replay-path.js';
import type { StatefulSession } from './session.js';
import { STATEFUL_CHECKS } from './stateful-checks.js';
import { toFinding } from './to-finding.js';
import { World } from './world.js';

const DEFAULT_MAX_COMMANDS = 20;

/**
 * Runs random command sequences against the target with the Apps model as the oracle. A failing
 * sequence shrinks to a minimal one and becomes one finding; the search then starts again (a new
 * round, a derived seed) with the rules already reported no longer enforced, until a round passes.
 */
export async function runStatefulChecks(options: StatefulOptions): Promise<StatefulResult> {
  const enabled = STATEFUL_CHECKS.map((check) => check.name as string).filter((name) => options.checks.has(name));
  const result: StatefulResult = { findings: [], requests: 0 };
  if (enabled.length === 0) return result;
  const arbitraries = commandArbitraries(idChoices(options.vars), options.vars['harness_id'] !== undefined);
  const replay = options.replay === undefined ? undefined : parseStatefulReplay(options.replay);
  if (options.replay !== undefined && !replay) throw new TypeError(`not a stateful replay path: ${options.replay}`);
  if (replay) {
    const finding = await runRound(options, arbitraries, enabled, { seed: options.seed, ...replay }, result);
    if (finding) result.findings.push(finding);
    return result;
  }
  const excluded: string[] = [];
  for (let round = 0; round < enabled.length && !options.signal?.aborted; round++) {
    const seed = round === 0 ? options.seed : deriveSeed(options.seed, `stateful:${round}`);
    const finding = await runRound(options, arbitraries, enabled, { seed, round, excluded: [...excluded], path: '', replayPath: '' }, result);
    if (!finding) break;
    result.findings.push(finding);
    excluded.push(finding.check);
    if (excluded.length === enabled.length) break;
  }
  return result;
}

async function runRound(
  options: StatefulOptions,
  arbitraries: fc.Arbitrary<StatefulCommand>[],
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
  const commands = fc.commands(arbitraries, {
    maxCommands: options.maxCommands ?? DEFAULT_MAX_COMMANDS,
    // Long sequences are what reach publish → webhook → runs; shrinking still finds the short one.
    size: 'max',
    ...(round.replayPath ? { replayPath: round.replayPath } : {}),
  });
  const property = fc.asyncProperty(commands, async (sequence) => {
    const world = new World(session);
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
  const path = formatStatefulReplay({ round: round.round, excluded: round.excluded, path: details.counterexamplePath ?? '', replayPath });
  return toFinding(session.failure, { seed: round.seed, path });
}
