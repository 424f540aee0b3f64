import type { ResourceChange, ResourceSnapshot } from '../../model/resources/index.js';
import type { StateTable } from '../state-file.js';

/** The name of the inferred resources' table in a `--state` file. */
export const RESOURCES_TABLE = 'resources';

/** Writes the model's changes (records put or deleted, by `recordKey`) to a state table. */
export function writeChanges(table: StateTable, changes: readonly ResourceChange[]): void {
  table.write(changes.map((change) => ({ key: change.key, value: change.kind === 'put' ? JSON.stringify(change.record) : undefined })));
}

/** The records a state table holds, as a snapshot the model restores (validating each), or undefined when empty. */
export function readSnapshot(table: StateTable): ResourceSnapshot | undefined {
  const values = table.values();
  if (values.length === 0) return undefined;
  return { version: 1, records: values.map((value) => JSON.parse(value)) };
}

/** Seeds an empty table with a snapshot (from `--load`). */
export function seedTable(
  table: StateTable,
  snapshot: ResourceSnapshot,
  keyOf: (record: ResourceSnapshot['records'][number]) => string,
): void {
  table.write(snapshot.records.map((record) => ({ key: keyOf(record), value: JSON.stringify(record) })));
}
