import { REDACTED, isSecretName } from '../../core/index.js';
import type { ResourceCollection, ResourceRecord, ResourceSnapshot } from '../../model/resources/index.js';

/**
 * A snapshot fit to be shown (`GET /__mock/state`): the members an item's schema declares writeOnly
 * (OAS 3.1 §4.8.24: never sent back) and every string the client wrote under a secret name (`token`,
 * `api_key`, at any depth) shown as `[REDACTED]`. `--state` keeps the real values.
 */
export function redactRecords(collections: ReadonlyMap<string, ResourceCollection>, snapshot: ResourceSnapshot): ResourceSnapshot {
  return {
    ...snapshot,
    records: snapshot.records.map((record) => redactRecord(collections.get(record.collection)?.item.writeOnly ?? [], record)),
  };
}

function redactRecord(writeOnly: readonly string[], record: ResourceRecord): ResourceRecord {
  return {
    ...record,
    written: redactSecrets(redactMembers(writeOnly, record.written)) as Record<string, unknown>,
    representation: redactMembers(writeOnly, record.representation),
  };
}

function redactMembers(names: readonly string[], value: unknown): unknown {
  if (names.length === 0 || !isRecord(value)) return value;
  const copy = { ...value };
  for (const name of names) if (Object.hasOwn(copy, name)) copy[name] = REDACTED;
  return copy;
}

function redactSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactSecrets);
  if (!isRecord(value)) return value;
  const copy: Record<string, unknown> = {};
  for (const [name, member] of Object.entries(value)) {
    copy[name] = typeof member === 'string' && isSecretName(name) ? REDACTED : redactSecrets(member);
  }
  return copy;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
