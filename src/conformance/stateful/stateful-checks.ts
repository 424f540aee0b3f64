import type { StatefulCheck } from './source.js';

/**
 * The stateful checks any document gets, each named after the property it asserts (Schemathesis'
 * names where it has one), in report order; `name` is the value of --checks. A domain's sequences
 * report under these names where they assert the same property (the Apps' `read_your_writes`), and
 * under names of their own beside them.
 */
export const STATEFUL_CHECKS = [
  {
    name: 'ensure_resource_availability',
    description: 'A resource a create answered 2xx for can be read, updated, deleted and listed below, under the id the create handed out.',
  },
  {
    name: 'read_your_writes',
    description:
      'What was written reads back as written: every field the request and the resource share (secret-named, writeOnly and server-owned ones aside), and no secret comes back.',
  },
  { name: 'update_visible', description: 'What a PATCH or PUT answered 2xx for wrote is what the resource reads back afterwards.' },
  {
    name: 'use_after_free',
    description: 'A deleted resource answers 404: read, update, delete, its actions, and any create or list below it.',
  },
  { name: 'list_consistent', description: 'A list holds every resource created in it and none that was deleted.' },
  { name: 'ids_stable', description: 'A resource keeps the id its create handed out, in every answer that shows it.' },
  { name: 'no_orphans', description: 'Deleting a resource deletes what was created below it: its children answer 404 afterwards.' },
] as const satisfies readonly StatefulCheck[];

/** The name of one of the generic stateful checks. */
export type StatefulCheckName = (typeof STATEFUL_CHECKS)[number]['name'];

/** The registry entry of a generic check, for a source that reports under it too. */
export function statefulCheck<N extends StatefulCheckName>(name: N): StatefulCheck & { name: N } {
  return STATEFUL_CHECKS.find((check): check is (typeof STATEFUL_CHECKS)[number] & { name: N } => check.name === name)!;
}
