import { randomBytes } from 'node:crypto';
import { isJsonMediaType } from '../../core/index.js';
import type { Operation } from '../../openapi/index.js';
import type { RequestPlan } from '../generate/request-plan.js';
import type { SetUpContext } from '../run/plugin.js';
import { appsRoutes } from './sequences/apps-routes.js';

// A well-formed id for documents that demand one; live deployments need --var harness_id=….
const PLACEHOLDER_HARNESS = 'harness_0193a3b5c0de70008000000000c0f0a1';
const DESCRIPTION = 'Created by everruns-contract conform; safe to delete.';

/**
 * Creates a draft app and a published app with a webhook channel whose token the run knows, then
 * probes the webhook with a missing and a wrong token (ignored_auth) and the right one. Generation
 * then finds both apps' ids in its pool, and the channel's token is sent on webhook calls.
 */
export async function setUpAppsFixtures(context: SetUpContext): Promise<void> {
  const routes = appsRoutes(context.spec);
  const create = routes.get('create_app')!.operation;
  const publish = routes.get('publish_app')!.operation;
  const invoke = routes.get('invoke_webhook')?.operation;
  const harness = context.vars.harness_id ?? PLACEHOLDER_HARNESS;
  await context.send(create, bodyPlan({ name: 'draft', description: DESCRIPTION, harness_id: harness }));
  const token = `conform-${context.seed}-${randomBytes(12).toString('hex')}`;
  context.addSecret(token);
  const created = await context.send(
    create,
    bodyPlan({
      name: 'webhook',
      description: DESCRIPTION,
      harness_id: harness,
      channel_type: 'webhook',
      channel_config: { token, message: 'conformance check {{ payload }}', session_mode: 'shared_session' },
    }),
  );
  const app = created?.json as { id?: unknown; channels?: Array<{ id?: unknown }> } | undefined;
  const appId = typeof app?.id === 'string' ? app.id : undefined;
  const channelId = typeof app?.channels?.[0]?.id === 'string' ? app.channels[0].id : undefined;
  if (!created || created.response.status >= 300 || !appId || !channelId) {
    context.warn(
      `could not create the webhook fixture app (create_app answered ${created?.response.status ?? 'nothing'}); webhook checks are skipped`,
    );
    return;
  }
  context.setResourceToken(channelId, token);
  const published = await context.send(publish, { ...bodyPlan(undefined), path: pathPlan(publish, [appId]) });
  if (!published || published.response.status !== 200) {
    context.warn(
      `could not publish the webhook fixture app (publish_app answered ${published?.response.status ?? 'nothing'}); webhook token checks are skipped`,
    );
    return;
  }
  if (!invoke) return;
  await probeWebhook(context, invoke, { ...webhookPlan(invoke), path: pathPlan(invoke, [appId, channelId]) });
}

/** Path values by position, under the names the document gives its parameters (`{id}` or `{app_id}`). */
function pathPlan(operation: Operation, values: readonly string[]): RequestPlan['path'] {
  const names = [...operation.path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]!);
  return Object.fromEntries(names.map((name, index) => [name, { value: values[index] ?? '' }]));
}

/** A webhook body in a media type the operation declares: JSON where it takes JSON, else text as bytes. */
function webhookPlan(invoke: Operation): RequestPlan {
  const media = invoke.requestBody?.content.map((entry) => entry.mediaType) ?? [];
  const json = media.find((type) => isJsonMediaType(type));
  if (json || media.length === 0) return bodyPlan({ conformance: true });
  return {
    ...bodyPlan(undefined),
    body: { mediaType: media[0]!.includes('*') ? 'application/octet-stream' : media[0]!, raw: 'conformance check' },
  };
}

/** The webhook without its token, with a wrong one (both must be 401), and with the right one. */
async function probeWebhook(context: SetUpContext, invoke: Operation, call: RequestPlan): Promise<void> {
  const others = context.credentials;
  await context.send(invoke, call, { credentials: { replace: others }, kind: { kind: 'auth', variant: 'a missing webhook token' } });
  const wrong = context.tokenHeaders(invoke, `wrong-${randomBytes(12).toString('hex')}`);
  await context.send(invoke, call, {
    credentials: { replace: { ...others, ...wrong } },
    kind: { kind: 'auth', variant: 'a wrong webhook token' },
  });
  await context.send(invoke, call);
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
