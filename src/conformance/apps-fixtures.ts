import { randomBytes } from 'node:crypto';
import type { Operation } from '../openapi/index.js';
import { execute } from './execute.js';
import { deferFindings } from './record-findings.js';
import type { RequestPlan } from './request-plan.js';
import type { RunEnv } from './run-env.js';
import { tokenHeaders } from './security.js';

// A well-formed id for documents that demand one; live deployments need --var harness_id=….
const PLACEHOLDER_HARNESS = 'harness_0193a3b5c0de70008000000000c0f0a1';

/** What the Apps fixtures left behind for later steps. */
export interface AppsFixtures {
  appId: string;
  channelId: string;
}

/**
 * For the Apps API: creates a draft app and a published app with a webhook channel whose token the
 * run knows, then probes the webhook with a missing and a wrong token (ignored_auth) and the right one.
 */
export async function setUpAppsFixtures(env: RunEnv): Promise<AppsFixtures | undefined> {
  const op = (id: string) => env.spec.operations.find((operation) => operation.id === id);
  const create = op('createApp');
  const publish = op('publishApp');
  const invoke = op('invokeWebhook');
  if (!create || env.readOnly) return undefined;
  const harness = env.vars.harness_id ?? PLACEHOLDER_HARNESS;
  const run = async (operation: Operation, plan: RequestPlan, options: Parameters<typeof execute>[3] = {}) => {
    const executed = await execute(env, operation, plan, options);
    deferFindings(env, executed.findings);
    return executed.exchange;
  };
  await run(create, bodyPlan({ name: 'draft', description: 'Created by everruns-contract conform; safe to delete.', harness_id: harness }));
  const token = `conform-${env.seed}-${randomBytes(12).toString('hex')}`;
  env.secrets.push(token);
  const created = await run(
    create,
    bodyPlan({
      name: 'webhook',
      description: 'Created by everruns-contract conform; safe to delete.',
      harness_id: harness,
      channel_type: 'webhook',
      channel_config: { token, message: 'conformance check {{ payload }}', session_mode: 'shared_session' },
    }),
  );
  const app = created?.json as { id?: unknown; channels?: Array<{ id?: unknown }> } | undefined;
  const appId = typeof app?.id === 'string' ? app.id : undefined;
  const channelId = typeof app?.channels?.[0]?.id === 'string' ? app.channels[0].id : undefined;
  if (!created || created.response.status >= 300 || !appId || !channelId) {
    env.emit({
      type: 'run-warned',
      message: `could not create the webhook fixture app (createApp answered ${created?.response.status ?? 'nothing'}); webhook checks are skipped`,
    });
    return undefined;
  }
  env.tokens.set(channelId, token);
  if (!publish || !invoke) return { appId, channelId };
  const published = await run(publish, { ...bodyPlan(undefined), path: { app_id: { value: appId } } });
  if (!published || published.response.status !== 200) {
    env.emit({
      type: 'run-warned',
      message: `could not publish the webhook fixture app (publishApp answered ${published?.response.status ?? 'nothing'}); webhook token checks are skipped`,
    });
    return { appId, channelId };
  }
  const call: RequestPlan = { ...bodyPlan({ conformance: true }), path: { app_id: { value: appId }, channel_id: { value: channelId } } };
  const others = env.credentials;
  await run(invoke, call, { credentials: { replace: others }, kind: { kind: 'auth', variant: 'a missing webhook token' } });
  const wrong = tokenHeaders(env.spec.document, invoke, `wrong-${randomBytes(12).toString('hex')}`);
  await run(invoke, call, { credentials: { replace: { ...others, ...wrong } }, kind: { kind: 'auth', variant: 'a wrong webhook token' } });
  await run(invoke, call);
  return { appId, channelId };
}

function bodyPlan(body: unknown): RequestPlan {
  return {
    kind: { kind: 'positive' },
    path: {},
    query: {},
    headers: {},
    ...(body === undefined ? {} : { body: { mediaType: 'application/json', value: body } }),
  };
}
