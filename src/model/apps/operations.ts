import { archiveApp, createApp, getApp, listApps, publishApp, unpublishApp, updateApp } from './apps.js';
import { addChannel, removeChannel, updateChannel } from './channels.js';
import type { OperationHandler } from './context.js';
import type { IdPrefix } from './ids.js';
import { listAppRuns } from './runs.js';
import type { AppsOperationId } from './types.js';
import { invokeWebhook } from './webhook.js';

/** How the model runs one operation: its handler and the path ids checked before it. */
export interface OperationEntry {
  handler: OperationHandler;
  /** Path parameters that must be well-formed ids (400 otherwise), in the order they are checked. */
  pathIds: ReadonlyArray<readonly [name: string, prefix: IdPrefix]>;
  /** False for the webhook, which authenticates by channel token and declares no 400. */
  management: boolean;
}

const APP: readonly [string, IdPrefix] = ['app_id', 'app'];
const CHANNEL: readonly [string, IdPrefix] = ['channel_id', 'appchan'];

/** Every operation of the contract, by operationId. */
export const OPERATIONS: Readonly<Record<AppsOperationId, OperationEntry>> = {
  createApp: { handler: createApp, pathIds: [], management: true },
  listApps: { handler: listApps, pathIds: [], management: true },
  getApp: { handler: getApp, pathIds: [APP], management: true },
  updateApp: { handler: updateApp, pathIds: [APP], management: true },
  archiveApp: { handler: archiveApp, pathIds: [APP], management: true },
  publishApp: { handler: publishApp, pathIds: [APP], management: true },
  unpublishApp: { handler: unpublishApp, pathIds: [APP], management: true },
  addChannel: { handler: addChannel, pathIds: [APP], management: true },
  updateChannel: { handler: updateChannel, pathIds: [APP, CHANNEL], management: true },
  removeChannel: { handler: removeChannel, pathIds: [APP, CHANNEL], management: true },
  listAppRuns: { handler: listAppRuns, pathIds: [APP], management: true },
  invokeWebhook: { handler: invokeWebhook, pathIds: [], management: false },
};

/** Every operationId the Apps contract defines, in document order. */
export const APPS_OPERATION_IDS = Object.keys(OPERATIONS) as readonly AppsOperationId[];

/** True when a document declares every Apps operation, so the Apps rules speak for it (the mock's layer, the runner's plug-in). */
export function isAppsDocument(operations: readonly { id: string }[]): boolean {
  const ids = new Set(operations.map((operation) => operation.id));
  return APPS_OPERATION_IDS.every((id) => ids.has(id));
}
