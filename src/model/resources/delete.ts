import type { Handler, HandlerContext } from './handler-context.js';
import { answer, itemOf } from './handler-context.js';
import type { ResourceChange, ResourceRecord } from './model-types.js';
import { itemNotFound, unchanged } from './problems.js';

/**
 * DELETE on the item: it answers the declared success and the item, with everything nested below
 * it (children's children too), is gone; later requests for any of them answer 404.
 */
export const remove: Handler = (ctx) => {
  const { key, record } = itemOf(ctx);
  if (!record) return unchanged(itemNotFound(ctx.collection, ctx.target.id ?? ''));
  const doomed: Array<[collection: string, key: string]> = [[ctx.collection.name, key], ...descendants(ctx, record)];
  const response = answer(ctx, ctx.route.endpoint, record);
  const changes: ResourceChange[] = [];
  for (const [collection, doomedKey] of doomed) {
    ctx.store.delete(collection, doomedKey);
    changes.push({ kind: 'delete', key: doomedKey });
  }
  return { response, changes };
};

/**
 * Records nested below `record` in any collection that has its collection as an ancestor: their
 * path values start with the record's own scope values and id.
 */
function descendants(ctx: HandlerContext, record: ResourceRecord): Array<[string, string]> {
  const prefix = [...ctx.collection.scope.map((name) => record.parents[name]), record.id];
  const found: Array<[string, string]> = [];
  for (const collection of ctx.collections.values()) {
    if (!collection.ancestors.some((link) => link.collection === ctx.collection.name)) continue;
    for (const [key, child] of ctx.store.entries(collection.name)) {
      const values = collection.scope.map((name) => child.parents[name]);
      if (prefix.every((value, index) => values[index] === value)) found.push([collection.name, key]);
    }
  }
  return found;
}
