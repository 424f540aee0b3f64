import { statefulCheck, type Mismatch, type StatefulCheck } from '../../stateful/index.js';

/**
 * The checks the Apps sequences report under, in the order a report lists them; `name` is the
 * value of --checks. `read_your_writes` is the generic check's (one property, one name: what was
 * created or updated reads back in gets, lists and channel configs, and no channel secret comes back).
 */
export const APPS_STATEFUL_CHECKS = [
  statefulCheck('read_your_writes'),
  { name: 'partial_update', description: 'A PATCH changes only the fields it names; every other field stays as it was.' },
  { name: 'timestamps_monotonic', description: '`created_at` never changes and `updated_at` never moves backwards.' },
  {
    name: 'lifecycle_transitions',
    description: 'Publish only from draft with a channel (setting published_at), unpublish and archive as the contract fixes.',
  },
  {
    name: 'webhook_gating',
    description:
      'Webhook calls are refused in the contract order: app 404, unpublished 403, channel 404, disabled 403, token 401, else 202.',
  },
  {
    name: 'session_reuse',
    description: '`created_session` follows the session mode; a shared session keeps one session_id, per-invocation ones are always new.',
  },
  {
    name: 'runs_recorded',
    description: 'Each accepted webhook records exactly one run: counts match, newest first, hourly buckets add up to the listed runs.',
  },
  {
    name: 'archived_hidden',
    description: 'Archived apps leave the list unless include_archived=true, stay readable by id, and cannot be edited.',
  },
] as const satisfies readonly StatefulCheck[];

/** The name of one Apps stateful check. */
export type AppsCheckName = (typeof APPS_STATEFUL_CHECKS)[number]['name'];

/** A mismatch of the Apps rules: its check is one of theirs. */
export type AppsMismatch = Mismatch & { check: AppsCheckName };
