import type { HandlerContext } from './handler-context.js';
import { rendered } from './handler-context.js';
import type { RenderKind, ResourceRecord } from './model-types.js';
import { problem } from './problems.js';
import type { ResourceResponse } from './model-types.js';
import { normaliseId, targetKey } from './scope.js';
import { serverFields } from './server-fields.js';
import type { Endpoint } from './types.js';

// newId draws at random; a handful of collisions in a row means it cannot draw fresh ids at all.
const MAX_DRAWS = 8;

/** A fresh id from the environment that no item of the same scope has; a problem when none comes. */
export function freshId(ctx: HandlerContext): { id: string; key: string } | ResourceResponse {
  for (let draw = 0; draw < MAX_DRAWS; draw++) {
    const raw = ctx.env.newId(ctx.collection);
    if (typeof raw !== 'string' || raw === '') break;
    const id = normaliseId(ctx.collection, raw);
    const key = targetKey(ctx.collection, ctx.target, id);
    if (!ctx.store.get(ctx.collection.name, key)) return { id, key };
  }
  return problem(500, 'internal_error', `The environment gave no fresh id for ${ctx.collection.name} in ${MAX_DRAWS} draws.`);
}

/** Builds a new record: server fields made now, the representation rendered, nothing stored yet. */
export function newRecord(ctx: HandlerContext, kind: RenderKind, endpoint: Endpoint, id: string, written: Record<string, unknown>, previous: unknown): ResourceRecord {
  const { collection, target, now } = ctx;
  const times = { created_at: now, updated_at: now };
  const server = serverFields(collection, id, target.parents, times, ctx.request.origin);
  const representation = rendered(
    ctx.env.render({ collection, kind, endpoint, id, parents: target.parents, written, previous, merged: undefined, server }),
  );
  return { collection: collection.name, id, parents: { ...target.parents }, written, representation, ...times, seq: ctx.store.nextSeq() };
}
