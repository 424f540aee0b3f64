import { isJsonObject } from '../../../core/index.js';
import { weightedSteps, type StatefulSource } from '../../stateful/index.js';
import { declaredRoutes } from './apps-routes.js';
import { AppsSequence } from './apps-sequence.js';
import { APPS_STATEFUL_CHECKS } from './checks.js';
import { commandArbitraries } from './command-arbitraries.js';
import { idChoices } from './inputs.js';
import { AppsJudge } from './judge.js';

/** The Apps command sequences, with the pure Apps model as their oracle. */
export const APPS_SEQUENCES: StatefulSource<AppsSequence> = {
  // Findings printed before the Apps sequences had a name of their own replay with this prefix.
  replayPrefix: 'stateful',
  checks: APPS_STATEFUL_CHECKS,
  // Once the runner names a harness (a live deployment), inputs a live platform cannot take are left out.
  commands: (options) => [
    weightedSteps(commandArbitraries(idChoices(options.vars), options.vars['harness_id'] !== undefined, declaredRoutes(options.spec))),
  ],
  sequence: (session) => new AppsSequence(session),
  judge: ({ spec, validator, target }) => new AppsJudge(spec, validator, target),
  pairIds,
};

// The ids a later request can name are the app's and its channels' (createApp, addChannel answers).
function pairIds(original: unknown, replayed: unknown, ids: Map<string, string>): void {
  if (!isJsonObject(original) || !isJsonObject(replayed)) return;
  const pair = (a: unknown, b: unknown) => {
    if (typeof a === 'string' && typeof b === 'string' && a !== b && /^(app|appchan)_/.test(a)) ids.set(a, b);
  };
  pair(original['id'], replayed['id']);
  const a = Array.isArray(original['channels']) ? original['channels'] : [];
  const b = Array.isArray(replayed['channels']) ? replayed['channels'] : [];
  a.forEach((channel, i) => pair(isJsonObject(channel) ? channel['id'] : undefined, isJsonObject(b[i]) ? b[i]['id'] : undefined));
}
