import { isJsonObject, isSecretName, jsonEqual, type JsonObject } from '../../core/index.js';
import type { ResourceCollection } from '../../model/resources/index.js';
import type { SpecValidator } from '../../validation/index.js';
import { show, type Mismatch } from '../stateful/index.js';

/** Which request last wrote a field: the create (read_your_writes) or an update (update_visible). */
export type Writer = 'create' | 'update';

/** What a body is held against: the fields the client wrote and who wrote each. */
export interface WrittenFields {
  collection: ResourceCollection;
  id: string;
  written: Readonly<Record<string, unknown>>;
  writer(field: string): Writer;
  /** The schema the answer was declared with, to leave out fields it could not hold as written. */
  schemaPointer: string | undefined;
}

/**
 * Every written field the answer does not read back as written. Only fields both schemas share
 * are held (the item declares them), and none the server owns (the id, readOnly members,
 * timestamps, self links, a parent's id), none writeOnly (OAS 3.1 §4.8.24: never sent back), none
 * named like a secret (write-only by convention), and none the answer's schema refuses as written
 * (a server may not echo what it cannot declare). An object written reads back when every member
 * written does (a server may add members); other values read back equal.
 */
export function writtenMismatches(fields: WrittenFields, received: JsonObject, validator: SpecValidator, where: string): Mismatch[] {
  const { collection, written } = fields;
  const out: Mismatch[] = [];
  const owned = serverOwned(collection);
  for (const [field, value] of Object.entries(written)) {
    if (owned.has(field) || isSecretName(field) || !collection.item.fields.includes(field)) continue;
    if (readsBack(value, received[field])) continue;
    if (fields.schemaPointer && refused(validator, fields.schemaPointer, received, field, value)) continue;
    const update = fields.writer(field) === 'update';
    out.push({
      check: update ? 'update_visible' : 'read_your_writes',
      title: `${where}: ${field} of ${fields.id} is not what ${update ? 'the update' : 'the create'} wrote`,
      expected: show(value),
      received: show(received[field]),
      key: `field:${field}`,
    });
  }
  return out;
}

/** True when the answer's schema refuses the written value in that field (whatever else of the answer it refuses). */
function refused(validator: SpecValidator, pointer: string, received: JsonObject, field: string, value: unknown): boolean {
  const at = `/${field.replace(/~/g, '~0').replace(/\//g, '~1')}`;
  const violations = validator.check('response-body', pointer, { ...received, [field]: value });
  return violations.some((violation) => violation.pointer === at || violation.pointer.startsWith(`${at}/`));
}

/** The members only the server makes, never held against what the client wrote. */
function serverOwned(collection: ResourceCollection): Set<string> {
  const { item, id, scope } = collection;
  const owned = new Set([...item.readOnly, ...item.writeOnly, ...scope]);
  if (id.field !== undefined) owned.add(id.field);
  if (item.created) owned.add(item.created.name);
  if (item.updated) owned.add(item.updated.name);
  for (const link of item.selfLinks) owned.add(link.path[0]!);
  return owned;
}

// A secret nested in what was written (`config.token`) is as write-only as a top-level one.
function readsBack(written: unknown, received: unknown): boolean {
  if (!isJsonObject(written)) return jsonEqual(written ?? null, received ?? null);
  if (!isJsonObject(received)) return false;
  return Object.entries(written).every(([key, value]) => isSecretName(key) || readsBack(value, received[key]));
}
