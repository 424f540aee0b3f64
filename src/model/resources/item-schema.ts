import type { Operation } from '../../openapi/index.js';
import type { CollectionDraft } from './find-collections.js';
import { chooseIdField } from './id-field.js';
import { resemblesItem } from './item-spec.js';
import { listShapeOf } from './list-shape.js';
import type { ObjectShape, SchemaReader } from './schema-reader.js';
import { CREATE_STATUSES, READ_STATUSES, successResponse } from './success-response.js';

/** The schema that defines a collection's item, with its id field. */
export interface ItemSchema {
  shape: ObjectShape | undefined;
  pointer: string | undefined;
  idField: string | undefined;
}

/**
 * Finds the item's schema among the answers that carry it: the read's, the create's, a replace's
 * or update's, and last the list's items (a read may wrap the item, `{task, messages}`). The first
 * with an id field wins; without one anywhere, the first object schema.
 */
export function itemSchemaOf(reader: SchemaReader, draft: CollectionDraft): ItemSchema {
  let fallback: ItemSchema | undefined;
  for (const { schema, pointer } of candidates(reader, draft)) {
    const shape = reader.object(schema);
    if (!shape) continue;
    const idField = chooseIdField(draft.parameter, shape.properties) ?? (draft.itemRoutes ? undefined : soleIdLike(shape));
    if (idField !== undefined) return { shape, pointer, idField };
    fallback ??= { shape, pointer, idField: undefined };
  }
  return fallback ?? { shape: undefined, pointer: undefined, idField: undefined };
}

/**
 * True when a POST with no item path still made an item of its own: it answers 201 (or a Location)
 * with an id-like member, and what it answers is not the item it hangs under (that is an action
 * such as `copy`, which answers its parent's kind).
 */
export function createsItem(reader: SchemaReader, operation: Operation, parent: CollectionDraft | undefined): boolean {
  const success = successResponse(operation, CREATE_STATUSES);
  const shape = reader.object(success.schema);
  if (parent) {
    const item = itemSchemaOf(reader, parent);
    if (resemblesItem(shape, [...(item.shape?.properties.keys() ?? [])], item.idField)) return false;
  }
  if (success.location) return true;
  return success.status === 201 && shape !== undefined && (shape.properties.has('id') || soleIdLike(shape) !== undefined);
}

// A create-only collection has no path parameter to name its id, so a lone `task_id` is the id.
function soleIdLike(shape: ObjectShape): string | undefined {
  const names = [...shape.properties.keys()].filter((name) => /(?:_id|Id)$/.test(name));
  return names.length === 1 ? names[0] : undefined;
}

function* candidates(reader: SchemaReader, draft: CollectionDraft): Generator<{ schema: unknown; pointer: string | undefined }> {
  for (const operation of [draft.read, draft.create, draft.replace, draft.update]) {
    if (!operation) continue;
    const success = successResponse(operation, operation === draft.create ? CREATE_STATUSES : READ_STATUSES);
    yield { schema: success.schema, pointer: success.schemaPointer };
  }
  if (!draft.list) return;
  const success = successResponse(draft.list, READ_STATUSES);
  const list = listShapeOf(reader, success.schema, { fields: [], idField: undefined }, undefined);
  if (!list) return;
  const array = list.property === undefined ? success.schema : reader.object(success.schema)?.properties.get(list.property);
  // A pointer into the list's schema would have to follow its refs, so list items give none.
  yield { schema: reader.arrayItems(array), pointer: undefined };
}
