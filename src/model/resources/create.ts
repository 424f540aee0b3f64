import type { Handler, HandlerContext } from './handler-context.js';
import { answer, writtenFields } from './handler-context.js';
import type { ResourceOutcome, ResourceRecord, ResourceResponse } from './model-types.js';
import { freshId, newRecord } from './new-item.js';
import { problem, unchanged } from './problems.js';
import { routeKey } from './route-table.js';
import { inScope, normaliseId, targetKey } from './scope.js';
import { itemUrl } from './server-fields.js';
import type { Endpoint } from './types.js';

/**
 * POST on the collection, or on a route that creates its items: stores a new item under a
 * server-made id (or the client's, where it may choose). A get-or-create answers the item it made
 * before while that lives.
 */
export const create: Handler = (ctx) => {
  const endpoint = ctx.route.endpoint;
  const creator = ctx.route.kind === 'create' ? ctx.route.creator : undefined;
  if (creator?.effect === 'once') {
    const made = madeHere(ctx, routeKey(endpoint));
    if (made) return unchanged(answer(ctx, endpoint, made));
  }
  const chosen = clientId(ctx);
  let slot: { id: string; key: string } | ResourceResponse;
  if (chosen !== undefined) {
    const key = targetKey(ctx.collection, ctx.target, chosen);
    if (ctx.store.get(ctx.collection.name, key)) {
      return unchanged(problem(endpoint.conflictStatus ?? 409, 'resource_conflict', `A ${ctx.collection.name} item with ${ctx.collection.id.field} ${JSON.stringify(chosen)} already exists.`));
    }
    slot = { id: chosen, key };
  } else {
    slot = freshId(ctx);
    if ('kind' in slot) return unchanged(slot);
  }
  const written = writtenFields(ctx.collection, ctx.request.body, chosen !== undefined);
  const record = newRecord(ctx, 'create', endpoint, slot.id, written, undefined);
  return stored(ctx, endpoint, slot, creator ? { ...record, madeBy: routeKey(endpoint) } : record, endpoint.status);
};

/** The live item of this scope the creator route made, if any. */
function madeHere(ctx: HandlerContext, route: string): ResourceRecord | undefined {
  for (const [, record] of ctx.store.entries(ctx.collection.name)) {
    if (record.madeBy === route && inScope(ctx.collection, record, ctx.target)) return record;
  }
  return undefined;
}

/** Stores a created record and answers with it, with a Location header where one is declared (RFC 9110 §10.2.2). */
export function stored(ctx: HandlerContext, endpoint: Endpoint, slot: { id: string; key: string }, record: ResourceRecord, status: number): ResourceOutcome {
  const response = answer(ctx, endpoint, record, status);
  if (endpoint.location) {
    response.headers.location = itemUrl(ctx.collection, slot.id, record.parents, ctx.request.origin);
  }
  // Stored last: anything above that throws leaves the state as it was.
  ctx.store.put(slot.key, record);
  return { response, changes: [{ kind: 'put', key: slot.key, record }] };
}

// Only where the create body declares a writable id field, and only a string or an integer.
function clientId(ctx: HandlerContext): string | undefined {
  const { field, clientSupplied } = ctx.collection.id;
  const body = ctx.request.body as Record<string, unknown> | undefined;
  if (!clientSupplied || field === undefined || body === null || typeof body !== 'object') return undefined;
  const value = body[field];
  if (typeof value === 'string' && value !== '') return normaliseId(ctx.collection, value);
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  return undefined;
}
