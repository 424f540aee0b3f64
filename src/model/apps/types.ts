import type { ProblemError } from '../../core/index.js';
import type { DeclaredResponses } from '../../openapi/index.js';
import type { AppRecord, RunRecord } from './records.js';

/**
 * The operations of the Apps contract by name: the platform's operationIds, which spec/ uses too.
 * The model is bound to a document by route (method and path), so these are its own names.
 */
export type AppsOperationId =
  | 'create_app'
  | 'list_apps'
  | 'get_app'
  | 'update_app'
  | 'delete_app'
  | 'publish_app'
  | 'unpublish_app'
  | 'add_channel'
  | 'update_channel'
  | 'remove_channel'
  | 'invoke_webhook'
  | 'list_app_runs';

/** Everything the model needs from the outside world, injected so that it stays pure and replayable. */
export interface AppsEnvironment {
  /** The current instant. */
  now(): Date;
  /** A fresh public id for a prefix such as `app`, `appchan`, `session`, `run`: `<prefix>_<32 hex>`. */
  newId(prefix: string): string;
  /** A number in [0, 1), used only to decide whether a run fails. */
  random(): number;
  /** The server's own base URL, without a trailing slash (`self_url` is built on it). */
  baseUrl: string;
  /** The UI base URL, without a trailing slash (`view_url`, `ui_link`). */
  uiBaseUrl: string;
  /** How long a run stays `running` before it completes. */
  runDurationMs: number;
  /** The share of runs that complete as `err`, in [0, 1]. */
  runFailureRate: number;
  /** When set, every management operation demands `Authorization: Bearer <apiKey>`. */
  apiKey?: string | undefined;
}

/** One request as the model sees it: already routed, with the engine's schema violations. */
export interface AppsRequest {
  operationId: AppsOperationId;
  /** The request path, used as the problem's `instance`. */
  path: string;
  /** The base this request's links are built on (what the client reached); `env.baseUrl` when absent. */
  origin?: string | undefined;
  pathParams: Record<string, string>;
  /** First value of each query parameter. */
  query: Record<string, string | undefined>;
  /** Lower-case header names. */
  headers: Record<string, string | undefined>;
  /** Parsed JSON body, or undefined when there is none or it is not JSON. */
  body: unknown;
  /** The raw body bytes (the webhook takes any bytes). */
  rawBody?: Buffer | undefined;
  /** Schema violations the engine found; the model decides where they rank among its own checks. */
  violations: ProblemError[];
  /**
   * The responses the served document declares for this route: an answer in a status it does not
   * declare takes one it does (`declaredStatus`). Without it, spec/'s statuses stand.
   */
  declared?: DeclaredResponses | undefined;
}

/** What the contract says the answer is. A status >= 400 carries a problem details body. */
export interface AppsResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** A record a persistent store must write after a request, exactly as it is now. */
export type StateChange = { kind: 'app'; record: AppRecord } | { kind: 'run'; record: RunRecord };

/** The answer to one request and the records it changed (none when the request was rejected). */
export interface AppsOutcome {
  response: AppsResponse;
  changes: StateChange[];
}

/** The whole state as plain JSON, secrets included; `principal_id` is the owner of new apps. */
export interface AppsSnapshot {
  version: 1;
  apps: AppRecord[];
  runs: RunRecord[];
  principal_id?: string;
}

/** The Apps contract as a pure state machine. */
export interface AppsModel {
  /** Answers one request by its operation's name, applying the transition it causes; never throws. */
  handle(request: AppsRequest): AppsOutcome;
  /** True while an app with this id exists (a draft, published or archived app; not a deleted one). */
  hasApp(id: string): boolean;
  /** A copy of the current state that `createAppsModel(env, snapshot)` restores. */
  exportSnapshot(): AppsSnapshot;
  /** The injected environment; the shell may set mutable fields such as `baseUrl` after listen(). */
  readonly env: AppsEnvironment;
}
