/**
 * The resource map: what `inferResources` understood of a document, as plain JSON data. It is its
 * own JSON form (`GET /__mock/resources` returns it as it stands) and the state machine's only input
 * besides its environment; nothing in it refers back to the document's objects.
 */

/** The standard things a collection can do, named after what they do to the state. */
export const COLLECTION_ROLES = ['create', 'list', 'read', 'update', 'replace', 'delete'] as const;

/** One of {@link COLLECTION_ROLES}. */
export type CollectionRole = (typeof COLLECTION_ROLES)[number];

/** How new ids are made so they satisfy the path parameter's and the id property's schemas. */
export type IdFormat =
  /** `<prefix><hex>`: prefixed public ids such as `agent_<32 hex>`, from a pattern or from examples. */
  | { kind: 'prefixed'; prefix: string; hexLength: number }
  | { kind: 'uuid' }
  | { kind: 'integer'; minimum: number; maximum: number }
  /** A regular expression only a schema-driven generator can satisfy (`src/generate/`). */
  | { kind: 'pattern'; pattern: string }
  | { kind: 'string'; minLength: number; maxLength: number };

/** Where a created item's id can be read from by a client. */
export type IdSource = 'property' | 'location' | 'none';

export interface IdSpec {
  /** The item path's parameter that carries the id (`agent_id`). */
  parameter: string;
  /** The body property holding the id, when the item has one. */
  field: string | undefined;
  source: IdSource;
  /** The id field's JSON type: integer ids are numbers in bodies and strings in paths. */
  fieldType: 'string' | 'number';
  format: IdFormat;
  /** True when a create body may carry the id field (it is declared there and not readOnly). */
  clientSupplied: boolean;
}

/** What a success answer of an endpoint carries. */
export type EndpointBody = 'item' | 'list' | 'other' | 'none';

/** One operation as the model uses it: which route, which success status, what it answers with. */
export interface Endpoint {
  operationId: string;
  method: string;
  path: string;
  /** The success status the model answers with, chosen among the declared ones. */
  status: number;
  body: EndpointBody;
  /** Where the success body's JSON schema lives, when it declares one (for a generator to synthesize it). */
  schemaPointer: string | undefined;
  /** Set when the success body is a closed object: the only top-level members it may carry. */
  fields?: string[];
  /** The status for "that id is taken" on a create: 409, else the 400 or 422 the operation declares. */
  conflictStatus?: number;
  /** True when the success response declares a `Location` header (RFC 9110 §10.2.2). */
  location: boolean;
}

/** A self-link member of the item: where it sits and whether it holds an absolute URL. */
export interface SelfLink {
  /** Property names from the item's root (`['self_url']`, `['urls', 'self']`, `['_links', 'self', 'href']`). */
  path: string[];
  /** False for `format: uri-reference`, which gets the path alone. */
  absolute: boolean;
}

/** How server-made timestamps are written. */
export interface TimestampField {
  name: string;
  /** ISO 8601 (`date-time` strings) or Unix seconds (integers). */
  encoding: 'iso' | 'unix';
}

/** What the item schema says about its fields. */
export interface ItemSpec {
  /** Where the item's schema lives (the read's success schema, else the create's), for generators. */
  schemaPointer: string | undefined;
  /** Top-level properties of the item. */
  fields: string[];
  readOnly: string[];
  writeOnly: string[];
  /** Fields that accept `null`: a merge patch's `null` stores null there instead of removing the member. */
  nullable: string[];
  /** Top-level string fields a client sees (not writeOnly), searched by a `search`/`q` filter. */
  stringFields: string[];
  created: TimestampField | undefined;
  updated: TimestampField | undefined;
  selfLinks: SelfLink[];
}

/** What a member of a list envelope holds, so the model can fill it. */
export type ListMetaRole = 'total' | 'count' | 'offset' | 'limit' | 'page' | 'per_page' | 'next_cursor' | 'has_more' | 'next_link' | 'prev_link';

export type Pagination =
  | { kind: 'none' }
  | { kind: 'limit'; limit: string; defaultLimit: number | undefined; maxLimit: number | undefined }
  | { kind: 'offset'; offset: string; limit: string; defaultLimit: number | undefined; maxLimit: number | undefined }
  | { kind: 'page'; page: string; perPage: string; firstPage: number; defaultPerPage: number | undefined; maxPerPage: number | undefined }
  | { kind: 'cursor'; cursor: string; limit: string | undefined; defaultLimit: number | undefined; maxLimit: number | undefined };

/** A query parameter that narrows a list. */
export type ListFilter =
  | { kind: 'equals'; parameter: string; field: string; values: string[] | undefined }
  | { kind: 'search'; parameter: string; fields: string[] };

export interface ListSpec {
  /** A bare array, or an object wrapping one in `property`. */
  shape: 'array' | 'object';
  property: string | undefined;
  /** Envelope members the model fills, by name. */
  meta: Record<string, ListMetaRole>;
  /** Envelope members that take `null` when the model has no value for them (no next page). */
  nullableMeta: string[];
  /** Required envelope members the model cannot fill; the engine must synthesize them. */
  unfilled: string[];
  pagination: Pagination;
  filters: ListFilter[];
}

/** A POST on an item path plus literal segments (`POST /v1/agents/{agent_id}/copy`). */
export interface ActionSpec {
  /** The literal suffix (`publish`, `git/commit`). */
  name: string;
  endpoint: Endpoint;
  /** `copy` when the action answers 201 with an item: it created a sibling (RFC 9110 §15.3.2). */
  effect: 'none' | 'copy';
}

/**
 * A POST other than the collection's create that makes an item of it: its success answers exactly
 * the item's schema (`POST /v1/agents/import` answering an agent, `POST /v1/capabilities` answering
 * a declarative capability).
 */
export interface CreatorSpec {
  endpoint: Endpoint;
  /**
   * `create`: every success makes a new item. `once`: a get-or-create, which declares 200 and no
   * 201 (RFC 9110 §15.3.2): the first success makes the item, later ones answer it while it lives.
   */
  effect: 'create' | 'once';
  /** `override` when an override named the collection or the effect. */
  source: 'inferred' | 'override';
}

/** A non-POST route under an item that is not a collection (`GET /v1/agents/{agent_id}/stats`). */
export interface SubResourceSpec {
  name: string;
  endpoint: Endpoint;
}

/** A nesting link: the collection whose item path prefixes this one, and the parameter naming it. */
export interface ParentLink {
  collection: string;
  parameter: string;
}

export interface ResourceCollection {
  /** Unique in the map: the last literal segment, qualified by the parent's name on a clash. */
  name: string;
  path: string;
  itemPath: string;
  /** Every path parameter of the collection path, outermost first: a record's scope. */
  scope: string[];
  /** Known ancestors, outermost first (the last is the direct parent). */
  ancestors: ParentLink[];
  roles: Partial<Record<CollectionRole, Endpoint>>;
  /** PUT on the item declares 201: a replace of a missing id creates it. */
  upsert: boolean;
  /** A create, an upsert or a creator exists, so the collection can hold items; read-only ones stay stateless. */
  writable: boolean;
  id: IdSpec;
  item: ItemSpec;
  list: ListSpec | undefined;
  actions: ActionSpec[];
  subResources: SubResourceSpec[];
  /** Routes elsewhere that make items of this collection. */
  creators: CreatorSpec[];
  /** `override` when an override forced or corrected it. */
  source: 'inferred' | 'override';
}

/** An operation the model does not serve, and why. */
export interface StatelessOperation {
  operationId: string;
  method: string;
  path: string;
  reason: string;
}

/** A declared OpenAPI link (OAS 3.1 §4.8.20): a producer's response feeding a consumer's parameters. */
export interface LinkHint {
  from: string;
  status: string;
  name: string;
  /** The target operationId, or the operationRef as written. */
  to: string;
  parameters: Record<string, string>;
}

export interface ResourceMap {
  version: 1;
  collections: ResourceCollection[];
  stateless: StatelessOperation[];
  links: LinkHint[];
}
