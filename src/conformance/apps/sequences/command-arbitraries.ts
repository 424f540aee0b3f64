import fc from 'fast-check';
import { AddChannel, RemoveChannel, UpdateChannel } from './commands/channel-commands.js';
import { CreateApp, GetApp, ListApps, UpdateApp, type UpdateAppInput } from './commands/app-commands.js';
import { channelSpecArbitrary } from './commands/channel-spec.js';
import type { StatefulCommand } from './commands/command.js';
import { ArchiveApp, PublishApp, UnpublishApp } from './commands/lifecycle-commands.js';
import { ListAppRuns, WINDOWS } from './commands/runs-command.js';
import { InvokeWebhook, type WebhookAuth } from './commands/webhook-command.js';
import type { AppsOperationId } from '../../../model/apps/index.js';
import type { AppsRoutesDeclared } from './apps-routes.js';
import { NAME_WORDS, type IdChoices } from './inputs.js';

// Small indices, counted from the newest app: most steps act on the app just created, which is
// what it takes to reach publish → webhook → runs within a dozen steps.
const appIndex = fc.oneof({ arbitrary: fc.constant(0), weight: 3 }, { arbitrary: fc.nat({ max: 3 }), weight: 1 });
const channelIndex = fc.oneof({ arbitrary: fc.constant(0), weight: 2 }, { arbitrary: fc.nat({ max: 2 }), weight: 1 });

/**
 * One arbitrary per command kind, repeated to weight the ones a sequence needs most (creating,
 * publishing, calling webhooks), for the Apps routes the document declares (the platform's has no
 * channel routes). `live` drops inputs a live deployment cannot take.
 */
export function commandArbitraries(ids: IdChoices, live: boolean, routes: AppsRoutesDeclared): fc.Arbitrary<StatefulCommand>[] {
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
      fc.constantFrom<WebhookAuth>('header', 'bearer', 'header', 'header-wins', 'wrong', 'missing', 'unknown-channel'),
      fc.nat({ max: 9999 }),
      routes.webhookTakesJson ? fc.boolean() : fc.constant(true),
    )
    .map(([index, ch, auth, ticket, raw]) => new InvokeWebhook(index, ch, auth, ticket, raw));
  const runs = fc
    .tuple(
      appIndex,
      fc.option(fc.constantFrom(...WINDOWS), { nil: undefined }),
      fc.constantFrom<'hour' | 'day' | undefined>(undefined, 'hour', 'hour', 'day'),
    )
    .map(([index, window, groupBy]) => new ListAppRuns(index, window, groupBy));
  const weighted: Array<[AppsOperationId, fc.Arbitrary<StatefulCommand>, number]> = [
    ['create_app', createApp, 3],
    ['get_app', appIndex.map((index) => new GetApp(index)), 1],
    ['list_apps', listApps, 1],
    ['update_app', updateApp, 1],
    ['publish_app', publish, 3],
    ['unpublish_app', appIndex.map((index) => new UnpublishApp(index)), 1],
    ['delete_app', appIndex.map((index) => new ArchiveApp(index)), 1],
    [
      'add_channel',
      fc
        .tuple(appIndex, channel, fc.constantFrom<boolean | undefined>(undefined, true, false))
        .map(([index, spec, enabled]) => new AddChannel(index, spec, enabled)),
      1,
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
      1,
    ],
    ['remove_channel', fc.tuple(appIndex, channelIndex).map(([index, ch]) => new RemoveChannel(index, ch)), 1],
    ['invoke_webhook', webhook, 4],
    ['list_app_runs', runs, 2],
  ];
  return weighted.filter(([name]) => routes.has(name)).flatMap(([, arbitrary, weight]) => Array.from({ length: weight }, () => arbitrary));
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
