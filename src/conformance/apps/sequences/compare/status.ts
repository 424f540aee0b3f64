import type { AppsOperationId, AppStatus } from '../../../../model/apps/index.js';
import type { AppsCheckName } from '../checks.js';

const EDITS: ReadonlySet<string> = new Set([
  'update_app',
  'publish_app',
  'unpublish_app',
  'add_channel',
  'update_channel',
  'remove_channel',
]);

/**
 * The rule a wrong status breaks, from the operation and the app's state before the request:
 * any edit of an archived app is archived_hidden ("not editable"), webhook answers are gating,
 * state changes are lifecycle, the rest is reading back what was written.
 */
export function statusRule(operation: AppsOperationId, before: AppStatus | undefined, body: unknown): AppsCheckName {
  if (before === 'archived' && (EDITS.has(operation) || operation === 'get_app')) return 'archived_hidden';
  switch (operation) {
    case 'invoke_webhook':
      return 'webhook_gating';
    case 'list_app_runs':
      return 'runs_recorded';
    case 'publish_app':
    case 'unpublish_app':
    case 'delete_app':
      return 'lifecycle_transitions';
    case 'update_app': {
      const status = body !== null && typeof body === 'object' ? (body as Record<string, unknown>)['status'] : undefined;
      return status === undefined || status === null ? 'read_your_writes' : 'lifecycle_transitions';
    }
    default:
      return 'read_your_writes';
  }
}
