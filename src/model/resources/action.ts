import { stored } from './create.js';
import type { Handler } from './handler-context.js';
import { answer, itemOf, writtenFields } from './handler-context.js';
import { mergeValue } from './merge-patch.js';
import { freshId, newRecord } from './new-item.js';
import { itemNotFound, unchanged } from './problems.js';
import { revise } from './revise.js';

/**
 * POST on an item's action route. On a missing item it answers 404. A copy (201 with an item) makes
 * a sibling from the item's fields merged with the request's; an action answering the item re-renders
 * it (the mock keeps it as it was, the oracle takes the target's answer); any other action answers
 * its declared success, synthesized by the engine.
 */
export const action: Handler = (ctx) => {
  const { key, record } = itemOf(ctx);
  if (!record || ctx.route.kind !== 'action') return unchanged(itemNotFound(ctx.collection, ctx.target.id ?? ''));
  const { endpoint, action: spec } = ctx.route;
  if (spec.effect === 'copy') {
    const slot = freshId(ctx);
    if ('kind' in slot) return unchanged(slot);
    const source = writtenFields(ctx.collection, record.written, false);
    const written = mergeValue(source, writtenFields(ctx.collection, ctx.request.body, false)) as Record<string, unknown>;
    return stored(ctx, endpoint, slot, newRecord(ctx, 'copy', endpoint, slot.id, written, record.representation), endpoint.status);
  }
  if (endpoint.body !== 'item') return unchanged(answer(ctx, endpoint, undefined));
  return revise(ctx, key, record, { kind: 'action', written: record.written, merged: undefined, touch: false });
};
