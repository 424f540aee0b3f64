import { REDACTED } from '../../core/index.js';
import type { ResourceCollection, ResourceRecord, ResourceSnapshot } from '../../model/resources/index.js';

/**
 * A snapshot fit to be shown (`GET /__mock/state`): the members an item's schema declares writeOnly
 * (OAS 3.1 §4.8.24: passwords, tokens, never sent back) replaced by `[REDACTED]` in what the client
 * wrote and in the stored representation. `--state` keeps the real values.
 */
export function redactRecords(collections: ReadonlyMap<string, ResourceCollection>, snapshot: ResourceSnapshot): ResourceSnapshot {
  return {
    ...snapshot,
    records: snapshot.records.map((record) => redactRecord(collections.get(record.collection)?.item.writeOnly ?? [], record)),
  };
}

function redactRecord(writeOnly: readonly string[], record: ResourceRecord): ResourceRecord {
  if (writeOnly.length === 0) return record;
  return {
    ...record,
    written: redact(writeOnly, record.written) as Record<string, unknown>,
    representation: redact(writeOnly, record.representation),
  };
}

function redact(names: readonly string[], value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const copy = { ...(value as Record<string, unknown>) };
  for (const name of names) if (Object.hasOwn(copy, name)) copy[name] = REDACTED;
  return copy;
}
