import type { ActionSpec, CollectionRole, CreatorSpec, Endpoint, ResourceCollection, ResourceMap } from './types.js';

/**
 * One stored item. Records are plain JSON and immutable: a transition builds a new record, so a
 * record handed out in `changes` never moves under the persistence layer.
 */
export interface ResourceRecord {
  collection: string;
  id: string;
  /** The values of the collection's scope parameters: its parents' ids and any other path parameter above it. */
  parents: Record<string, string>;
  /** Every field the client wrote (readOnly ones dropped), merged over the item's life. */
  written: Record<string, unknown>;
  /** What the server answers for the item, as `render` built it; writeOnly members are dropped when presented. */
  representation: unknown;
  /** ISO 8601 instants of the model's clock. */
  created_at: string;
  updated_at: string;
  /** Creation order, unique in the state: lists are oldest first by it, and list cursors name it. */
  seq: number;
  /** The creator route that made it (`POST /v1/sessions/chat`), when not the collection's create: a get-or-create finds its item by it. */
  madeBy?: string;
}

/** Why `render` is called. `action` re-renders an item an action answered with (the oracle keeps the target's answer). */
export type RenderKind = 'create' | 'replace' | 'update' | 'copy' | 'action';

/** What `render` builds the stored representation from. */
export interface RenderInput {
  collection: ResourceCollection;
  kind: RenderKind;
  /** The endpoint being answered. */
  endpoint: Endpoint;
  id: string;
  parents: Readonly<Record<string, string>>;
  /** The client's fields after this request (readOnly members dropped). */
  written: Readonly<Record<string, unknown>>;
  /** The representation before this request (the source item for a copy); undefined on a create. */
  previous: unknown;
  /** For an update: `previous` with the request's merge patch applied (RFC 7396); else undefined. */
  merged: unknown;
  /** Members only the server makes: the id field, timestamps and self links, nested as in the item. */
  server: Readonly<Record<string, unknown>>;
}

/** An item's path as its template and its values in template order (`/v1/stores/{store_id}`, [`store_1`]). */
export interface ItemPath {
  template: string;
  values: readonly string[];
}

/** Everything the model needs from the outside world, injected so that it stays pure and replayable. */
export interface ResourceEnvironment {
  now(): Date;
  /** A fresh id for a new item of the collection, satisfying `collection.id.format`. */
  newId(collection: ResourceCollection): string;
  /** Builds the representation the model stores for an item. */
  render(input: RenderInput): unknown;
  /**
   * Whether an item above a collection exists that no collection of the map holds, because
   * something else serves it (a domain layer of the mock, above collections inferred below it); a
   * request below one that does not exist answers 404. Undefined when nothing knows that path.
   */
  itemExists?(path: ItemPath): boolean | undefined;
}

/** A query as the engine parsed it: URLSearchParams, or first-value or all-values records. */
export type ResourceQuery = URLSearchParams | Readonly<Record<string, string | readonly string[] | undefined>>;

/** One request, already routed and validated by the engine. */
export interface ResourceRequest {
  operation: { method: string; path: string };
  /** The request path, used as a problem's `instance` and for list links. */
  path: string;
  /** Decoded path parameters, by the operation template's names. */
  pathParams: Readonly<Record<string, string>>;
  query: ResourceQuery;
  headers: Readonly<Record<string, string | undefined>>;
  /** The parsed body (JSON value or form object), undefined when there is none. */
  body: unknown;
  /** `http://127.0.0.1:4010`: self links and list links point here. Without it, stored links stay as rendered. */
  origin?: string | undefined;
}

/** The slugs the model answers with; the mock maps them to the problem catalogue. */
export type ResourceProblemCode = 'resource_not_found' | 'resource_conflict' | 'route_not_found' | 'internal_error';

/**
 * The answer: a body the model knows, no body, a body the engine must synthesize from the declared
 * response for `status` (a sub-resource, an action answering something else), or a problem.
 */
export type ResourceResponse =
  | { kind: 'body'; status: number; headers: Record<string, string>; body: unknown }
  | { kind: 'empty'; status: number; headers: Record<string, string> }
  | { kind: 'synthesize'; status: number; headers: Record<string, string> }
  | { kind: 'problem'; status: number; headers: Record<string, string>; code: ResourceProblemCode; detail: string };

/** A write a persistent store must apply, keyed by `recordKey`. */
export type ResourceChange = { kind: 'put'; key: string; record: ResourceRecord } | { kind: 'delete'; key: string };

/** The answer to one request and the writes it caused (none when it was rejected). */
export interface ResourceOutcome {
  response: ResourceResponse;
  changes: ResourceChange[];
}

/** The whole state as plain JSON, oldest record first. */
export interface ResourceSnapshot {
  version: 1;
  records: ResourceRecord[];
}

/** How the model serves one operation. */
export type ResourceRoute =
  /** `creator` is set on a create served by a route other than the collection's own create. */
  | { kind: CollectionRole; collection: ResourceCollection; endpoint: Endpoint; creator?: CreatorSpec }
  | { kind: 'action'; collection: ResourceCollection; endpoint: Endpoint; action: ActionSpec }
  | { kind: 'sub-resource'; collection: ResourceCollection; endpoint: Endpoint };

/** The inferred resources as a pure state machine. */
export interface ResourceModel {
  readonly map: ResourceMap;
  /** How the model serves an operation, or undefined when the operation is stateless. */
  route(operation: { method: string; path: string }): ResourceRoute | undefined;
  /** Answers one request, applying the transition it causes; never throws. */
  handle(request: ResourceRequest): ResourceOutcome;
  /** A copy of the state that `createResourceModel(map, env, snapshot)` restores. */
  exportSnapshot(): ResourceSnapshot;
  /** A copy of the live record of that item, if it exists. */
  find(collection: string, id: string, parents?: Readonly<Record<string, string>>): ResourceRecord | undefined;
}
