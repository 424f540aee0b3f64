import type { Handler } from './handler-context.js';
import { listBody } from './list-view.js';
import { unchanged } from './problems.js';
import type { ResourceRecord } from './model-types.js';
import { inScope } from './scope.js';

/** GET on the collection: the items of this scope, oldest first, filtered and paginated as declared. */
export const list: Handler = (ctx) => {
  const { collection, route, target } = ctx;
  const spec = collection.list;
  if (!spec) return unchanged({ kind: 'synthesize', status: route.endpoint.status, headers: {} });
  const records: ResourceRecord[] = [];
  for (const [, record] of ctx.store.entries(collection.name)) {
    if (inScope(collection, record, target)) records.push(record);
  }
  return unchanged({ kind: 'body', status: route.endpoint.status, headers: {}, body: listBody(collection, spec, records, ctx.request) });
};
