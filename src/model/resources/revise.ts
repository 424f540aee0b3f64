import type { HandlerContext } from './handler-context.js';
import { answer, rendered } from './handler-context.js';
import type { RenderKind, ResourceOutcome, ResourceRecord } from './model-types.js';
import { serverFields } from './server-fields.js';

/** How an existing item changes: what the client's fields become, and whether its update time moves. */
export interface Revision {
  kind: RenderKind;
  written: Record<string, unknown>;
  merged: unknown;
  touch: boolean;
}

/**
 * Re-renders an existing item, stores the new record and answers with it. An action that leaves
 * the representation as it was writes nothing.
 */
export function revise(ctx: HandlerContext, key: string, record: ResourceRecord, revision: Revision): ResourceOutcome {
  const { collection, route } = ctx;
  const updated_at = revision.touch ? ctx.now : record.updated_at;
  const server = serverFields(collection, record.id, record.parents, { created_at: record.created_at, updated_at }, ctx.request.origin);
  const representation = rendered(
    ctx.env.render({
      collection,
      kind: revision.kind,
      endpoint: route.endpoint,
      id: record.id,
      parents: record.parents,
      written: revision.written,
      previous: record.representation,
      merged: revision.merged,
      server,
    }),
  );
  const next: ResourceRecord = { ...record, written: revision.written, representation, updated_at };
  if (!revision.touch && JSON.stringify(representation) === JSON.stringify(record.representation)) {
    return { response: answer(ctx, route.endpoint, record), changes: [] };
  }
  const response = answer(ctx, route.endpoint, next);
  ctx.store.put(key, next);
  return { response, changes: [{ kind: 'put', key, record: next }] };
}
