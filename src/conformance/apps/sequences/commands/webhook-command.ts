import type { AppsSequence } from '../apps-sequence.js';
import { StatefulCommand, UNKNOWN_CHANNEL, appPath, isLive, pickApp, pickChannel } from './command.js';

/** How a webhook call authenticates (§4 step 5), or that it names a channel the app does not have. */
export type WebhookAuth = 'header' | 'bearer' | 'header-wins' | 'wrong' | 'missing' | 'unknown-channel';

const LABEL: Record<WebhookAuth, string> = {
  header: 'token via X-Everruns-Webhook-Token',
  bearer: 'token via Authorization Bearer',
  'header-wins': 'right X-Everruns-Webhook-Token, wrong Bearer',
  wrong: 'wrong token',
  missing: 'missing token',
  'unknown-channel': 'unknown channel',
};

/** POST /v1/apps/{app_id}/webhooks/{channel_id}, never with the runner's management credentials. */
export class InvokeWebhook extends StatefulCommand {
  override readonly wants = isLive;

  constructor(
    readonly appIndex: number,
    readonly channel: number,
    readonly auth: WebhookAuth,
    readonly ticket: number,
    readonly raw: boolean,
  ) {
    super();
  }

  async run(_model: AppsSequence, world: AppsSequence): Promise<void> {
    const app = pickApp(world, this.appIndex, isLive);
    const channel = this.auth === 'unknown-channel' ? undefined : pickChannel(app, this.channel, 'webhook');
    const configured = channel?.channel_config['token'];
    const token = typeof configured === 'string' ? configured : 'whtok_unset_0000x';
    const wrong = `${token.slice(0, 6)}wrong_${this.ticket}`;
    const headers: Record<string, string> = {};
    if (this.auth === 'header' || this.auth === 'unknown-channel') headers['x-everruns-webhook-token'] = token;
    if (this.auth === 'bearer') headers['authorization'] = `Bearer ${token}`;
    if (this.auth === 'header-wins') Object.assign(headers, { 'x-everruns-webhook-token': token, authorization: `Bearer ${wrong}` });
    if (this.auth === 'wrong') headers['x-everruns-webhook-token'] = wrong;
    const body = this.raw ? Buffer.from(`ticket ${this.ticket} escalated`) : { ticket: this.ticket };
    const refused = this.auth === 'wrong' || this.auth === 'missing';
    await world.perform(this.toString(), {
      method: 'POST',
      path: `${appPath(app)}/webhooks/${channel?.id ?? UNKNOWN_CHANNEL}`,
      body,
      headers,
      credentials: false,
      ...(refused ? { generatedAs: { kind: 'auth', variant: this.auth === 'wrong' ? 'wrong-token' : 'missing-token' } } : {}),
    });
  }

  toString(): string {
    const channel = this.auth === 'unknown-channel' ? '{unknown}' : `{channel#${this.channel}}`;
    return `POST /v1/apps/{app#${this.appIndex}}/webhooks/${channel} (${LABEL[this.auth]}${this.raw ? ', raw body' : ''})`;
  }
}
