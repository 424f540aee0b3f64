import fc from 'fast-check';
import { AddChannel, RemoveChannel, UpdateChannel } from './commands/channel-commands.js';
import { CreateApp, GetApp, ListApps, UpdateApp, type UpdateAppInput } from './commands/app-commands.js';
import { channelSpecArbitrary } from './commands/channel-spec.js';
import type { WeightedCommand } from '../../stateful/index.js';
import type { AppsSequence } from './apps-sequence.js';
import { isLive, type StatefulCommand } from './commands/command.js';
import { ArchiveApp, PublishApp, UnpublishApp } from './commands/lifecycle-commands.js';
import { INVALID_WINDOWS, ListAppRuns, VALID_WINDOWS } from './commands/runs-command.js';
import { InvokeWebhook, type WebhookAuth } from './commands/webhook-command.js';
import type { AppsOperationId } from '../../../model/apps/index.js';
import type { AppsRoutesDeclared } from './apps-routes.js';
import { NAME_WORDS, type IdChoices } from './inputs.js';

// Small indices, counted from the newest app: most steps act on the app just created, which is
// what it takes to reach publish → webhook → runs within a dozen steps.
const appIndex = fc.oneof({ arbitrary: fc.constant(0), weight: 3 }, { arbitrary: fc.nat({ max: 3 }), weight: 1 });
const channelIndex = fc.oneof({ arbitrary: fc.constant(0), weight: 2 }, { arbitrary: fc.nat({ max: 2 }), weight: 1 });

// What unlocks the deep states weighs most until they are reached, then what only they exercise:
// an app to begin with, a draft with a webhook to publish, webhooks to call once one is live (each
// accepted call is a run), and a run listing once an app has two runs. Once a listing of two runs
// was judged, the sequence goes back to exploring everything else (reads, edits, channels).
const toCreate = (world: AppsSequence) => [20, 5][world.apps().length] ?? 1;
const publishable = (world: AppsSequence) =>
  world.apps().some((app) => app.status === 'draft' && app.channels.some((channel) => channel.channel_type === 'webhook')) ? 12 : 1;
const anyLive = (world: AppsSequence) => (world.apps().some(isLive) ? (world.mostRuns() < 2 ? 15 : 3) : 1);
const withRuns = (world: AppsSequence) => (world.mostRuns() < 2 ? [1, 3][world.mostRuns()]! : world.runsListed() ? 2 : 15);
// Archiving, unpublishing and removing a channel lock the deep states again: rare until they are reached.
const locking = (world: AppsSequence) => (world.mostRuns() < 2 ? 0.3 : 1);
// A second webhook channel on a live app tells runs apart by channel, so their order shows.
const moreChannels = (world: AppsSequence) => (world.apps().some(isLive) ? 2 : 1);
// Reads and edits, what most other rules are judged on: the more once the deep states were judged.
const explore = (world: AppsSequence) => (world.runsListed() ? 3 : 1);

/**
 * Every command kind with its weight in the current state (see weightedSteps): creating first,
 * then publishing, then webhook calls and run listings once there is something to call and list;
 * only for the Apps routes the document declares (the platform's has no channel routes). `live`
 * drops inputs a live deployment cannot take.
 */
export function commandArbitraries(ids: IdChoices, live: boolean, routes: AppsRoutesDeclared): WeightedCommand<AppsSequence>[] {
  const channel = channelSpecArbitrary(live);
  const harness = ids.harness_id.length > 0 ? fc.constantFrom(...ids.harness_id) : fc.constant('harness_0193a3b5c0de7000800000000000abcd');
  const createApp = fc
    .record({
      word: fc.constantFrom(...NAME_WORDS),
      number: fc.nat({ max: 999 }),
      description: fc.option(fc.oneof(fc.constantFrom('Routes support tickets', 'Nightly digest'), fc.constant(null)), { nil: undefined }),
      harnessId: harness,
      policy: fc.constantFrom<'default' | 'latest' | undefined>(undefined, 'default', 'latest'),
      channel: fc.option(channel, { nil: undefined, freq: 4 }),
      agentId: ids.agent_id.length > 0 ? fc.option(fc.constantFrom(...ids.agent_id), { nil: undefined }) : fc.constant(undefined),
      // One create in ten is invalid, so a 400 is also held against the oracle.
      orphanConfig: fc.nat({ max: 9 }).map((n) => n === 0),
    })
    .map((input) => new CreateApp(input));
  const listApps = fc
    .record({
      search: fc.option(
        fc.oneof(
          fc
            .constantFrom(...NAME_WORDS)
            .chain((word) => fc.constantFrom(word, word.toUpperCase(), word.toLowerCase().slice(0, 3)))
            .map((word) => ({ kind: 'word' as const, word })),
          fc.constant({ kind: 'prefix' as const }),
          fc.constant({ kind: 'none-match' as const }),
        ),
        { nil: undefined },
      ),
      includeArchived: fc.constantFrom<boolean | undefined>(undefined, true, false),
    })
    .map((input) => new ListApps(input));
  const updateApp = fc.record({ index: appIndex, fields: patchFields(ids) }).map((input) => new UpdateApp(input));
  const publish = appIndex.map((index) => new PublishApp(index));
  const webhook = fc
    .tuple(
      appIndex,
      channelIndex,
      // Mostly calls that are accepted (each one a run to list), now and then one the gate refuses.
      fc.oneof(
        { arbitrary: fc.constantFrom<WebhookAuth>('header', 'bearer', 'header', 'header-wins'), weight: 3 },
        { arbitrary: fc.constantFrom<WebhookAuth>('wrong', 'missing', 'unknown-channel'), weight: 1 },
      ),
      fc.nat({ max: 9999 }),
      routes.webhookTakesJson ? fc.boolean() : fc.constant(true),
    )
    .map(([index, ch, auth, ticket, raw]) => new InvokeWebhook(index, ch, auth, ticket, raw));
  const runs = fc
    .tuple(
      appIndex,
      // Mostly windows the contract takes (a listing to compare), now and then one it refuses.
      fc.option(
        fc.oneof(
          { arbitrary: fc.constantFrom(...VALID_WINDOWS), weight: 3 },
          { arbitrary: fc.constantFrom(...INVALID_WINDOWS), weight: 1 },
        ),
        { nil: undefined },
      ),
      fc.constantFrom<'hour' | 'day' | undefined>(undefined, 'hour', 'hour', 'day'),
    )
    .map(([index, window, groupBy]) => new ListAppRuns(index, window, groupBy));
  const kinds: Array<[AppsOperationId, fc.Arbitrary<StatefulCommand>, (world: AppsSequence) => number]> = [
    ['create_app', createApp, toCreate],
    ['get_app', appIndex.map((index) => new GetApp(index)), explore],
    ['list_apps', listApps, explore],
    ['update_app', updateApp, explore],
    ['publish_app', publish, publishable],
    ['unpublish_app', appIndex.map((index) => new UnpublishApp(index)), locking],
    ['delete_app', appIndex.map((index) => new ArchiveApp(index)), locking],
    [
      'add_channel',
      fc
        .tuple(appIndex, channel, fc.constantFrom<boolean | undefined>(undefined, true, false))
        .map(([index, spec, enabled]) => new AddChannel(index, spec, enabled)),
      moreChannels,
    ],
    [
      'update_channel',
      fc
        .record({
          index: appIndex,
          channel: channelIndex,
          enabled: fc.constantFrom<boolean | undefined>(undefined, true, false),
          config: fc.option(
            fc.record(
              {
                message: fc.constantFrom('Updated {{ payload.ticket }}', ''),
                session_mode: fc.constantFrom<'shared_session' | 'session_per_invocation'>('shared_session', 'session_per_invocation'),
                rotateToken: fc.boolean(),
              },
              { requiredKeys: [] },
            ),
            { nil: undefined },
          ),
        })
        .map((input) => new UpdateChannel(input)),
      explore,
    ],
    ['remove_channel', fc.tuple(appIndex, channelIndex).map(([index, ch]) => new RemoveChannel(index, ch)), locking],
    ['invoke_webhook', webhook, anyLive],
    ['list_app_runs', runs, withRuns],
  ];
  return kinds.filter(([name]) => routes.has(name)).map(([, arbitrary, weight]) => ({ arbitrary, weight }));
}

function patchFields(ids: IdChoices): fc.Arbitrary<UpdateAppInput['fields']> {
  const harness = ids.harness_id.length > 0 ? fc.option(fc.constantFrom(...ids.harness_id), { nil: null }) : fc.constant(null);
  const data = fc.record(
    {
      name: fc.oneof(
        { arbitrary: fc.constantFrom('Renamed', 'gamma-ops'), weight: 4 },
        { arbitrary: fc.constantFrom(null, ''), weight: 1 },
      ),
      description: fc.option(fc.constantFrom('Edited description', ''), { nil: null, freq: 4 }),
      harness_id: harness,
      agent_version_policy: fc.option(fc.constantFrom<'default' | 'latest'>('default', 'latest'), { nil: null, freq: 4 }),
    },
    { requiredKeys: [] },
  );
  // Most PATCHes leave status alone, so that most of them succeed and can be read back.
  const status = fc.oneof(
    { arbitrary: fc.constant(undefined), weight: 6 },
    { arbitrary: fc.constantFrom<'archived' | null>('archived', null), weight: 2 },
    { arbitrary: fc.constantFrom<'draft' | 'published' | 'deleted' | 'bogus'>('draft', 'published', 'deleted', 'bogus'), weight: 2 },
  );
  return fc.tuple(data, status).map(([fields, value]) => (value === undefined ? fields : { ...fields, status: value }));
}
