import { archiveApp, createApp, getApp, listApps, publishApp, unpublishApp, updateApp } from './apps.js';
import { addChannel, removeChannel, updateChannel } from './channels.js';
import type { OperationHandler } from './context.js';
import type { IdPrefix } from './ids.js';
import { listAppRuns } from './runs.js';
import type { AppsOperationId } from './types.js';
import { invokeWebhook } from './webhook.js';

/** How the model runs one operation: its route, its handler and the path ids checked before it. */
export interface OperationEntry {
  /** `METHOD /path`, the path's parameters named as the handlers read them. */
  route: string;
  handler: OperationHandler;
  /** Path parameters that must be well-formed ids (400 otherwise), in the order they are checked. */
  pathIds: ReadonlyArray<readonly [name: string, prefix: IdPrefix]>;
  /** False for the webhook, which authenticates by channel token and declares no 400. */
  management: boolean;
  /** Its answers follow from the request and the stored state alone: no clock (a run's status moves with it), no new id. */
  readsStateOnly?: true;
}

const APP: readonly [string, IdPrefix] = ['app_id', 'app'];
const CHANNEL: readonly [string, IdPrefix] = ['channel_id', 'appchan'];

/**
 * Every operation of the contract, by its name: the platform's own operationId, which spec/ uses
 * too (the channel operations, which only spec/ declares, are named in the same style).
 */
export const OPERATIONS: Readonly<Record<AppsOperationId, OperationEntry>> = {
  create_app: { route: 'POST /v1/apps', handler: createApp, pathIds: [], management: true },
  list_apps: { route: 'GET /v1/apps', handler: listApps, pathIds: [], management: true, readsStateOnly: true },
  get_app: { route: 'GET /v1/apps/{app_id}', handler: getApp, pathIds: [APP], management: true, readsStateOnly: true },
  update_app: { route: 'PATCH /v1/apps/{app_id}', handler: updateApp, pathIds: [APP], management: true },
  delete_app: { route: 'DELETE /v1/apps/{app_id}', handler: archiveApp, pathIds: [APP], management: true },
  publish_app: { route: 'POST /v1/apps/{app_id}/publish', handler: publishApp, pathIds: [APP], management: true },
  unpublish_app: { route: 'POST /v1/apps/{app_id}/unpublish', handler: unpublishApp, pathIds: [APP], management: true },
  add_channel: { route: 'POST /v1/apps/{app_id}/channels', handler: addChannel, pathIds: [APP], management: true },
  update_channel: {
    route: 'PATCH /v1/apps/{app_id}/channels/{channel_id}',
    handler: updateChannel,
    pathIds: [APP, CHANNEL],
    management: true,
  },
  remove_channel: {
    route: 'DELETE /v1/apps/{app_id}/channels/{channel_id}',
    handler: removeChannel,
    pathIds: [APP, CHANNEL],
    management: true,
  },
  list_app_runs: { route: 'GET /v1/apps/{app_id}/runs', handler: listAppRuns, pathIds: [APP], management: true },
  invoke_webhook: { route: 'POST /v1/apps/{app_id}/webhooks/{channel_id}', handler: invokeWebhook, pathIds: [], management: false },
};

/** Every operation the Apps contract defines, in the order spec/ declares them. */
export const APPS_OPERATION_IDS = Object.keys(OPERATIONS) as readonly AppsOperationId[];

/** Whether an operation's answer may be sent again while the state is unchanged (see `readsStateOnly`). */
export function readsStateOnly(operationId: AppsOperationId): boolean {
  return OPERATIONS[operationId].readsStateOnly === true;
}
