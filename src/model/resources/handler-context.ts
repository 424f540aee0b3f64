import type { ResourceEnvironment, ResourceOutcome, ResourceRecord, ResourceRequest, ResourceResponse, ResourceRoute } from './model-types.js';
import { isObject } from './merge-patch.js';
import { present, presentForRead } from './present.js';
import type { Target } from './scope.js';
import { targetKey } from './scope.js';
import type { ResourceStore } from './store.js';
import type { Endpoint, ResourceCollection } from './types.js';

/** What every handler works with; `now` is read once, so a request sees one instant. */
export interface HandlerContext {
  env: ResourceEnvironment;
  store: ResourceStore;
  request: ResourceRequest;
  route: ResourceRoute;
  collection: ResourceCollection;
  /** Every collection of the map by name, for parents and children. */
  collections: ReadonlyMap<string, ResourceCollection>;
  target: Target;
  now: string;
}

/** One kind of route, after the parents were found to exist. */
export type Handler = (ctx: HandlerContext) => ResourceOutcome;

/** The record the route's item id names, if it exists. */
export function itemOf(ctx: HandlerContext): { key: string; record: ResourceRecord | undefined } {
  const key = targetKey(ctx.collection, ctx.target, ctx.target.id ?? '');
  return { key, record: ctx.store.get(ctx.collection.name, key) };
}

/** A success answer for an endpoint: the item's representation, no body, or one the engine synthesizes. */
export function answer(ctx: HandlerContext, endpoint: Endpoint, record: ResourceRecord | undefined, status = endpoint.status): ResourceResponse {
  const headers: Record<string, string> = {};
  if (endpoint.body === 'none') return { kind: 'empty', status, headers };
  if (endpoint.body !== 'item' || !record) return { kind: 'synthesize', status, headers };
  const presented = ctx.route.kind === 'read' ? presentForRead : present;
  return { kind: 'body', status, headers, body: presented(ctx.collection, record, endpoint, ctx.request.origin) };
}

/**
 * The client's fields of a body: a copy without the members only the server writes (readOnly ones,
 * OAS 3.1 §4.8.24, and the id unless the client may choose it); a non-object body writes nothing.
 */
export function writtenFields(collection: ResourceCollection, body: unknown, keepId: boolean): Record<string, unknown> {
  if (!isObject(body)) return {};
  const written = structuredClone(body);
  for (const name of collection.item.readOnly) delete written[name];
  if (!keepId && collection.id.field !== undefined) delete written[collection.id.field];
  return written;
}

/** A representation as `render` made it, checked to be plain JSON before it is stored. */
export function rendered(value: unknown): unknown {
  // structuredClone refuses functions and symbols; JSON then drops what JSON cannot carry.
  return value === undefined ? null : JSON.parse(JSON.stringify(structuredClone(value)) ?? 'null');
}
