import type { Handler } from './handler-context.js';
import { answer, itemOf } from './handler-context.js';
import { itemNotFound, unchanged } from './problems.js';

/** GET on the item: its representation, or 404 once it is gone or was never made. */
export const read: Handler = (ctx) => {
  const { record } = itemOf(ctx);
  if (!record) return unchanged(itemNotFound(ctx.collection, ctx.target.id ?? ''));
  return unchanged(answer(ctx, ctx.route.endpoint, record));
};

/** A sub-resource exists while its item does; its body is the engine's to synthesize. */
export const subResource: Handler = (ctx) => {
  const { record } = itemOf(ctx);
  if (!record) return unchanged(itemNotFound(ctx.collection, ctx.target.id ?? ''));
  return unchanged(answer(ctx, ctx.route.endpoint, undefined));
};
