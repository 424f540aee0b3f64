import fc from 'fast-check';
import type { AppsSequence } from '../apps-sequence.js';

/** A channel to create, without its secrets (drawn when the command runs, so each is unique). */
export type ChannelSpec =
  | { type: 'webhook'; mode: 'shared_session' | 'session_per_invocation' | undefined }
  | { type: 'schedule' | 'ag_ui' | 'api_endpoint' | 'slack' };

/** Channel specs, webhooks first so shrinking lands on them; slack only off a live deployment. */
export function channelSpecArbitrary(live: boolean): fc.Arbitrary<ChannelSpec> {
  const webhook = fc
    .constantFrom<'shared_session' | 'session_per_invocation' | undefined>('shared_session', 'session_per_invocation', undefined)
    .map((mode): ChannelSpec => ({ type: 'webhook', mode }));
  const others = fc.constantFrom<'schedule' | 'ag_ui' | 'api_endpoint' | 'slack'>(
    ...(live ? (['schedule', 'ag_ui', 'api_endpoint'] as const) : (['schedule', 'ag_ui', 'api_endpoint', 'slack'] as const)),
  );
  return fc.oneof({ arbitrary: webhook, weight: 3 }, { arbitrary: others.map((type): ChannelSpec => ({ type })), weight: 1 });
}

/** The channel_type and channel_config a spec stands for, with fresh secrets. */
export function channelBody(spec: ChannelSpec, world: AppsSequence): { channel_type: string; channel_config: Record<string, unknown> } {
  switch (spec.type) {
    case 'webhook':
      return {
        channel_type: 'webhook',
        channel_config: {
          token: world.newToken(),
          message: 'Ticket {{ payload.ticket }} for {{ app.name }}',
          ...(spec.mode ? { session_mode: spec.mode } : {}),
        },
      };
    case 'schedule':
      return { channel_type: 'schedule', channel_config: { cron_expression: '0 9 * * 1-5', message: 'Weekday digest' } };
    case 'slack':
      return { channel_type: 'slack', channel_config: { signing_secret: world.newToken(), bot_token: world.newToken() } };
    default:
      return { channel_type: spec.type, channel_config: {} };
  }
}

/** How a spec reads in a command: `webhook, shared_session`. */
export function describeChannel(spec: ChannelSpec): string {
  return spec.type === 'webhook' ? `webhook, ${spec.mode ?? 'default session'}` : spec.type;
}
