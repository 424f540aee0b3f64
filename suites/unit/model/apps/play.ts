import type { AppsModel } from '../../../../src/model/apps/index.js';
import type { Step } from './arbitraries.js';
import type { FakeEnv } from './fake-env.js';

/** Runs steps against a model, tracking the ids it handed out, and yields each outcome. */
export function* play(model: AppsModel, env: FakeEnv, steps: Step[], secrets: Set<string>) {
  const apps: string[] = [];
  const channels: string[] = [];
  const channelsOf = new Map<string, string[]>();
  const tokenOf = new Map<string, string>();
  for (const step of steps) {
    env.advance(step.advanceMs);
    env.randoms.push(step.random);
    const appId = step.rawAppId ?? apps[step.appPick % Math.max(apps.length, 1)] ?? `app_${'e'.repeat(32)}`;
    // Mostly a channel of the chosen app, so that channel routes and webhooks get past their 404.
    const own = channelsOf.get(appId) ?? [];
    const pool = own.length > 0 && step.channelPick % 5 !== 0 ? own : channels;
    const channelId = step.rawChannelId ?? pool[step.channelPick % Math.max(pool.length, 1)] ?? `appchan_${'e'.repeat(32)}`;
    const headers = { ...step.headers };
    // Webhook calls usually carry the channel's own token, so the 202 path is exercised.
    const token = tokenOf.get(channelId);
    if (step.operationId === 'invoke_webhook' && token !== undefined && step.random < 0.8) {
      headers['x-everruns-webhook-token'] = token;
    }
    collectSecrets(step.body, secrets);
    const request = {
      operationId: step.operationId,
      path: `/v1/apps/${step.operationId}`,
      pathParams: { app_id: appId, channel_id: channelId },
      query: step.query,
      headers,
      body: step.body,
      rawBody: step.operationId === 'invoke_webhook' ? Buffer.from(JSON.stringify({ task: 'x' })) : undefined,
      violations: [],
    };
    const outcome = model.handle(request);
    for (const change of outcome.changes) {
      if (change.kind !== 'app') continue;
      if (!apps.includes(change.record.id)) apps.push(change.record.id);
      channelsOf.set(change.record.id, change.record.channels.map((channel) => channel.id));
      for (const channel of change.record.channels) {
        if (!channels.includes(channel.id)) channels.push(channel.id);
        const configured = channel.channel_config['token'];
        if (typeof configured === 'string') tokenOf.set(channel.id, configured);
      }
    }
    yield { step, request, outcome };
  }
}

export function collectSecrets(body: unknown, secrets: Set<string>): void {
  const config = (body as { channel_config?: unknown } | null)?.channel_config;
  if (config === null || typeof config !== 'object') return;
  for (const key of ['token', 'signing_secret', 'bot_token']) {
    const value = (config as Record<string, unknown>)[key];
    if (typeof value === 'string' && value.startsWith('SECRET')) secrets.add(value);
  }
}

