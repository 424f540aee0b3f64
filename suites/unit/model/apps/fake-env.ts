import type { AppsEnvironment, AppsModel, AppsOperationId, AppsOutcome, AppsRequest } from '../../../../src/model/apps/index.js';
import { createAppsModel } from '../../../../src/model/apps/index.js';

/** A deterministic environment: a clock the test advances, counter ids, scripted randomness. */
export interface FakeEnv extends AppsEnvironment {
  advance(ms: number): void;
  setNow(iso: string): void;
  /** Values random() returns next, in order; 0.5 once they run out. */
  randoms: number[];
}

export const START = '2025-01-01T10:00:00.000Z';

export function fakeEnv(overrides: Partial<AppsEnvironment> = {}): FakeEnv {
  let now = Date.parse(START);
  let counter = 0;
  const env: FakeEnv = {
    now: () => new Date(now),
    newId: (prefix) => `${prefix}_${(++counter).toString(16).padStart(32, '0')}`,
    random: () => env.randoms.shift() ?? 0.5,
    randoms: [],
    baseUrl: 'http://127.0.0.1:4010',
    uiBaseUrl: 'https://ui.example',
    runDurationMs: 60_000,
    runFailureRate: 0,
    advance: (ms) => {
      now += ms;
    },
    setNow: (iso) => {
      now = Date.parse(iso);
    },
    ...overrides,
  };
  return env;
}

/** A well-formed id that no test creates. */
export function unknownId(prefix: string): string {
  return `${prefix}_${'f'.repeat(32)}`;
}

export const HARNESS = `harness_${'0123456789abcdef'.repeat(2)}`;

/** A model plus a terse way to call it. */
export function harness(overrides: Partial<AppsEnvironment> = {}) {
  const env = fakeEnv(overrides);
  const model = createAppsModel(env);
  const call = (
    operationId: AppsOperationId,
    options: Partial<Omit<AppsRequest, 'operationId'>> = {},
  ): AppsOutcome =>
    model.handle({
      operationId,
      path: options.path ?? `/v1/${operationId}`,
      pathParams: options.pathParams ?? {},
      query: options.query ?? {},
      headers: options.headers ?? {},
      body: options.body,
      rawBody: options.rawBody,
      violations: options.violations ?? [],
    });
  return { env, model, call, ...helpers(model, call) };
}

type Call = (operationId: AppsOperationId, options?: Partial<Omit<AppsRequest, 'operationId'>>) => AppsOutcome;

function helpers(_model: AppsModel, call: Call) {
  /** Creates an app and returns its wire body. */
  const createApp = (body: Record<string, unknown> = {}) => {
    const outcome = call('create_app', { body: { name: 'Support Bot', harness_id: HARNESS, ...body } });
    if (outcome.response.status !== 201) throw new Error(`create failed: ${JSON.stringify(outcome.response.body)}`);
    return outcome.response.body as Record<string, any>;
  };
  /** Creates a published app with one webhook channel; returns the ids and token. */
  const publishedWebhook = (config: Record<string, unknown> = {}) => {
    const token = 'whk_' + 'secret'.repeat(4);
    const app = createApp({ channel_type: 'webhook', channel_config: { token, message: 'Run {{ payload.task }}', ...config } });
    const published = call('publish_app', { pathParams: { app_id: app.id } });
    if (published.response.status !== 200) throw new Error('publish failed');
    return { appId: app.id as string, channelId: app.channels[0].id as string, token };
  };
  /** Invokes a webhook with the token in the dedicated header. */
  const invoke = (appId: string, channelId: string, token: string | undefined, body: unknown = { task: 'triage' }) =>
    call('invoke_webhook', {
      pathParams: { app_id: appId, channel_id: channelId },
      headers: token === undefined ? {} : { 'x-everruns-webhook-token': token },
      rawBody: Buffer.from(typeof body === 'string' ? body : JSON.stringify(body)),
    });
  return { createApp, publishedWebhook, invoke };
}
