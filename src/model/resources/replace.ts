import { stored } from './create.js';
import type { Handler } from './handler-context.js';
import { itemOf, writtenFields } from './handler-context.js';
import { newRecord } from './new-item.js';
import { itemNotFound, unchanged } from './problems.js';
import { revise } from './revise.js';

/** RFC 9110 §9.3.4: a PUT that created its target answers 201. */
const CREATED = 201;

/**
 * PUT on the item: the body replaces what the client wrote (readOnly members stay the server's).
 * A missing item is created under the path's id when the operation declares 201 (an upsert), and
 * answers 404 otherwise.
 */
export const replace: Handler = (ctx) => {
  const { key, record } = itemOf(ctx);
  const { collection, route } = ctx;
  const written = writtenFields(collection, ctx.request.body, false);
  if (record) return revise(ctx, key, record, { kind: 'replace', written, merged: undefined, touch: true });
  const id = ctx.target.id ?? '';
  if (!collection.upsert) return unchanged(itemNotFound(collection, id));
  return stored(ctx, route.endpoint, { id, key }, newRecord(ctx, 'create', route.endpoint, id, written, undefined), CREATED);
};
