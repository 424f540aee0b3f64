import type { AppsSequence } from '../apps-sequence.js';
import { channelBody, describeChannel, type ChannelSpec } from './channel-spec.js';
import { StatefulCommand, UNKNOWN_CHANNEL, appPath, pickApp, pickChannel } from './command.js';

/** POST /v1/apps/{app_id}/channels. */
export class AddChannel extends StatefulCommand {
  constructor(
    readonly appIndex: number,
    readonly channel: ChannelSpec,
    readonly enabled: boolean | undefined,
  ) {
    super();
  }

  async run(_model: AppsSequence, world: AppsSequence): Promise<void> {
    const body: Record<string, unknown> = channelBody(this.channel, world);
    if (this.enabled !== undefined) body.enabled = this.enabled;
    await world.perform(this.toString(), {
      method: 'POST',
      path: `${appPath(pickApp(world, this.appIndex))}/channels`,
      body,
      credentials: true,
    });
  }

  toString(): string {
    const enabled = this.enabled === undefined ? '' : `, enabled=${this.enabled}`;
    return `POST /v1/apps/{app#${this.appIndex}}/channels (${describeChannel(this.channel)}${enabled})`;
  }
}

/** What an updateChannel command changes. */
export interface UpdateChannelInput {
  index: number;
  channel: number;
  enabled: boolean | undefined;
  /** A new message ('' is invalid: 400), a session mode, or a rotated token. */
  config: { message?: string; session_mode?: 'shared_session' | 'session_per_invocation'; rotateToken?: boolean } | undefined;
}

/** PATCH /v1/apps/{app_id}/channels/{channel_id}: enabled toggles and config merges. */
export class UpdateChannel extends StatefulCommand {
  constructor(readonly input: UpdateChannelInput) {
    super();
  }

  get appIndex(): number {
    return this.input.index;
  }

  async run(_model: AppsSequence, world: AppsSequence): Promise<void> {
    const app = pickApp(world, this.input.index);
    const channel = pickChannel(app, this.input.channel);
    const body: Record<string, unknown> = {};
    if (this.input.enabled !== undefined) body.enabled = this.input.enabled;
    const config = this.input.config;
    if (config) {
      const patch: Record<string, unknown> = {};
      if (config.message !== undefined) patch.message = config.message;
      if (config.session_mode) patch.session_mode = config.session_mode;
      if (config.rotateToken) patch.token = world.newToken();
      body.channel_config = patch;
    }
    const path = `${appPath(app)}/channels/${channel?.id ?? UNKNOWN_CHANNEL}`;
    await world.perform(this.toString(), { method: 'PATCH', path, body, credentials: true });
  }

  toString(): string {
    const parts = [];
    if (this.input.enabled !== undefined) parts.push(`enabled=${this.input.enabled}`);
    const config = this.input.config;
    if (config) {
      const keys = [
        config.message !== undefined ? `message${config.message === '' ? '=""' : ''}` : '',
        config.session_mode ?? '',
        config.rotateToken ? 'token' : '',
      ];
      parts.push(`channel_config{${keys.filter(Boolean).join(', ')}}`);
    }
    return `PATCH /v1/apps/{app#${this.input.index}}/channels/{channel#${this.input.channel}} {${parts.join(', ')}}`;
  }
}

/** DELETE /v1/apps/{app_id}/channels/{channel_id}. */
export class RemoveChannel extends StatefulCommand {
  constructor(
    readonly appIndex: number,
    readonly channel: number,
  ) {
    super();
  }

  async run(_model: AppsSequence, world: AppsSequence): Promise<void> {
    const app = pickApp(world, this.appIndex);
    const channel = pickChannel(app, this.channel);
    await world.perform(this.toString(), {
      method: 'DELETE',
      path: `${appPath(app)}/channels/${channel?.id ?? UNKNOWN_CHANNEL}`,
      credentials: true,
    });
  }

  toString(): string {
    return `DELETE /v1/apps/{app#${this.appIndex}}/channels/{channel#${this.channel}}`;
  }
}
