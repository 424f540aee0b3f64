import fc from 'fast-check';
import { APPS_OPERATION_IDS, type AppsOperationId } from '../../../../src/model/apps/index.js';
import { HARNESS } from './fake-env.js';

export const OPERATION_IDS: readonly AppsOperationId[] = APPS_OPERATION_IDS;

/** Secrets are upper-case so they can never collide with the lower-case ids in a response. */
export const secretArb = fc.string({ unit: fc.constantFrom(...'ABCDEFGHJKLMNPQRSTUVWXYZ'), minLength: 20, maxLength: 20 }).map((s) => `SECRET${s}`);

const channelTypeArb = fc.constantFrom('slack', 'ag_ui', 'schedule', 'webhook', 'a2a', 'fcp', 'api_endpoint', 'pigeon');

const configArb = (secret: fc.Arbitrary<string>) =>
  fc.oneof(
    fc.record(
      {
        token: fc.oneof(secret, fc.constant(''), fc.integer()),
        message: fc.oneof(fc.constant('Run {{ payload.task }} for {{ app.name }}'), fc.constant(' '), fc.string()),
        session_mode: fc.constantFrom('shared_session', 'session_per_invocation', 'other'),
        cron_expression: fc.constantFrom('0 9 * * *', '0 0 9 * * ? *', '* *', ''),
        signing_secret: secret,
        bot_token: secret,
        name: fc.string(),
      },
      { requiredKeys: [] },
    ),
    fc.anything(),
  );

/** A body valid for create_app and add_channel alike: a webhook, schedule or ag_ui channel. */
const validBodyArb = (secret: fc.Arbitrary<string>) =>
  fc.record(
    {
      name: fc.constantFrom('Support Bot', 'Billing helper', 'Ops'),
      harness_id: fc.constant(HARNESS),
      description: fc.constantFrom('Handles billing', null),
      channel_type: fc.constantFrom('webhook', 'webhook', 'schedule', 'ag_ui'),
      channel_config: fc.record({
        token: secret,
        message: fc.constant('Run {{ payload.task }} for {{ app.name }}'),
        session_mode: fc.constantFrom('shared_session', 'session_per_invocation'),
        cron_expression: fc.constant('0 9 * * *'),
        signing_secret: secret,
      }),
      enabled: fc.constantFrom(true, true, false),
      status: fc.constantFrom(undefined, 'archived'),
    },
    { requiredKeys: ['name', 'harness_id', 'channel_type', 'channel_config'] },
  );

/** Bodies that are often valid or nearly so, so that deep paths are reached, mixed with arbitrary data. */
export const bodyArb = (secret: fc.Arbitrary<string>) =>
  fc.oneof(
    { weight: 4, arbitrary: validBodyArb(secret) },
    { weight: 3, arbitrary: fc.record(
      {
        name: fc.oneof(fc.constant('Support Bot'), fc.string({ maxLength: 210 }), fc.anything()),
        description: fc.oneof(fc.string(), fc.constant(null), fc.integer()),
        harness_id: fc.oneof(fc.constant(HARNESS), fc.string()),
        agent_id: fc.oneof(fc.constant(null), fc.constant(`agent_${'a'.repeat(32)}`), fc.string()),
        agent_version_id: fc.oneof(fc.constant(null), fc.constant(`agentver_${'b'.repeat(32)}`)),
        agent_version_policy: fc.constantFrom('default', 'latest', 'pinned', 'odd', null),
        status: fc.constantFrom('archived', 'draft', 'published', 'deleted', 'x', null),
        channel_type: channelTypeArb,
        channel_config: configArb(secret),
        enabled: fc.oneof(fc.boolean(), fc.constant(null), fc.string()),
      },
      { requiredKeys: [] },
    ) },
    { weight: 1, arbitrary: fc.anything() },
  );

/** One step of a random session against the model; ids are chosen among those seen so far. */
export interface Step {
  operationId: AppsOperationId;
  appPick: number;
  channelPick: number;
  rawAppId: string | undefined;
  rawChannelId: string | undefined;
  body: unknown;
  query: Record<string, string>;
  headers: Record<string, string>;
  advanceMs: number;
  random: number;
}

export const stepArb = (secret: fc.Arbitrary<string>): fc.Arbitrary<Step> =>
  fc.record({
    operationId: fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom<AppsOperationId>('create_app', 'publish_app', 'invoke_webhook') },
      { weight: 4, arbitrary: fc.constantFrom(...OPERATION_IDS) },
    ),
    appPick: fc.nat(),
    channelPick: fc.nat(),
    rawAppId: fc.oneof(
      { weight: 8, arbitrary: fc.constant(undefined) },
      { weight: 1, arbitrary: fc.oneof(fc.string(), fc.constant(`app_${'0'.repeat(31)}`), fc.constant(`app_${'d'.repeat(32)}`)) },
    ),
    rawChannelId: fc.oneof(
      { weight: 8, arbitrary: fc.constant(undefined) },
      { weight: 1, arbitrary: fc.oneof(fc.string(), fc.constant(`appchan_${'d'.repeat(32)}`)) },
    ),
    body: bodyArb(secret),
    query: fc.record(
      {
        window: fc.oneof({ weight: 4, arbitrary: fc.constantFrom('24h', '30d', '5m', '2h') }, fc.constantFrom('31d', '0h'), fc.string()),
        groupBy: fc.constantFrom('hour', 'hour', 'hour', 'day', ''),
        search: fc.string(),
        include_archived: fc.constantFrom('true', 'false'),
      },
      { requiredKeys: [] },
    ),
    headers: fc.dictionary(fc.constantFrom('authorization', 'x-everruns-webhook-token', 'cookie', 'x-trace'), fc.string()),
    advanceMs: fc.integer({ min: 0, max: 3 * 3_600_000 }),
    random: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
  });

/** A session: a few valid creations and publications first, so later steps find live apps. */
export const sessionArb = (secret: fc.Arbitrary<string>, maxLength = 25): fc.Arbitrary<Step[]> =>
  fc
    .tuple(
      fc.array(
        fc.tuple(stepArb(secret), validBodyArb(secret)).chain(([step, body]) =>
          fc.constantFrom<AppsOperationId>('create_app', 'publish_app').map((operationId) => ({
            ...step,
            operationId,
            body,
            rawAppId: undefined,
          })),
        ),
        { minLength: 1, maxLength: 4 },
      ),
      fc.array(stepArb(secret), { maxLength }),
    )
    .map(([setup, rest]) => [...setup, ...rest]);
