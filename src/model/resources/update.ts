import type { Handler } from './handler-context.js';
import { itemOf, writtenFields } from './handler-context.js';
import { applyMergePatch } from './merge-patch.js';
import { itemNotFound, unchanged } from './problems.js';
import { revise } from './revise.js';

/**
 * PATCH on the item: the body is a JSON merge patch (RFC 7396) over what the client wrote and over
 * the representation, `null` clearing a nullable member and removing any other; the id and readOnly
 * members are the server's and stay. A body that is no object (the engine let it through, so the
 * schema allows it) has no member to merge: it changes nothing but the update time, and the answer
 * stays among the statuses the operation declares.
 */
export const update: Handler = (ctx) => {
  const { key, record } = itemOf(ctx);
  if (!record) return unchanged(itemNotFound(ctx.collection, ctx.target.id ?? ''));
  const patch = writtenFields(ctx.collection, ctx.request.body, false);
  const nullable = new Set(ctx.collection.item.nullable);
  return revise(ctx, key, record, {
    kind: 'update',
    written: applyMergePatch(record.written, patch, nullable),
    merged: applyMergePatch(record.representation, patch, nullable),
    touch: true,
  });
};
