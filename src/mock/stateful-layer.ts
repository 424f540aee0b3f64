import type { HeaderMap } from '../core/index.js';
import type { ItemPath } from '../model/resources/index.js';
import type { Operation } from '../openapi/index.js';
import type { SpecValidator, Violation } from '../validation/index.js';
import type { StatelessResponder } from './stateless.js';

/** A request after routing, decoding and validation, handed to a stateful layer. */
export interface LayerRequest {
  operation: Operation;
  path: string;
  /** The base URL links in the answer are built on: `--base-url`, else what the client reached (Host, Forwarded). */
  origin: string;
  pathParams: Record<string, string>;
  query: URLSearchParams;
  headers: HeaderMap;
  /** Parsed body (JSON value, form fields typed by the schema, text or raw bytes). */
  body: unknown;
  rawBody: Buffer | undefined;
  violations: Violation[];
}

export interface LayerAnswer {
  status: number;
  /**
   * A JSON value (a problem for a 4xx/5xx, sent as problem+json unless `headers` name another
   * content type), or a Buffer sent as it is under the `content-type` of `headers`.
   */
  body?: unknown;
  headers?: Record<string, string>;
  /**
   * True when the same request would get this same answer for as long as the layer's `stateVersion`
   * stays: a read that follows from the stored state alone (no clock, no random draw, no change).
   * The mock then sends it again without asking the layer (`answer-reuse.ts`).
   */
  reusable?: boolean;
}

/** Domain behaviour layered over the spec-driven engine for the operations it knows. */
export interface StatefulLayer {
  /** Whether the layer serves an operation; asked once per operation when the server starts. */
  handles(operation: Operation): boolean;
  /**
   * True when the layer judges credentials and invalid input itself (the Apps model, with its own
   * `--api-key` and 400 details); false when the pipeline refuses such requests first, exactly as it
   * does for a stateless operation.
   */
  readonly judgesRequests: boolean;
  handle(request: LayerRequest): LayerAnswer;
  /**
   * A number that changes whenever the layer's state may have changed: every answer that is not
   * `reusable`, a reset, an import. A layer without one never has its answers reused.
   */
  readonly stateVersion?: number;
  /**
   * The layer's part of `GET /__mock/state`: an object whose top-level members are the layer's own
   * (the Apps layer's `version`, `apps`, `runs`; the resources layer's `resources`), secrets redacted
   * as the API shows them, unless `secrets` is true (`?secrets=include`), which gives a snapshot
   * `prepareImport` restores whole.
   */
  exportState(options?: { secrets?: boolean }): object;
  /**
   * Whether the item at this path exists in the layer's state, for another layer's resources nested
   * below it (a domain layer's items, parents of inferred collections); undefined for paths it does not serve.
   */
  itemExists?(path: ItemPath): boolean | undefined;
  /** What the layer understood of the document, for `GET /__mock/resources`; only the resources layer has it. */
  describe?(): unknown;
  /** Drops all state (for `POST /__mock/reset`). */
  reset(): void;
  /** The top-level members of a state snapshot that are the layer's own (what `exportState()` writes). */
  readonly stateMembers: readonly string[];
  /**
   * Checks the layer's members of a state snapshot (as `GET /__mock/state` gives it; absent members
   * mean an empty state) and returns the step that replaces the layer's state with them. A snapshot
   * the layer cannot take throws a UsageError before anything changes, so `PUT /__mock/state` checks
   * every layer before any of them commits.
   */
  prepareImport(snapshot: Readonly<Record<string, unknown>>): () => void;
  close(): void;
}

/** What a layer may use of the engine that serves it. */
export interface LayerContext {
  /** The mock's own URL, known once it listens. */
  url: string;
  validator: SpecValidator;
  /** The stateless engine: synthesized answers, samples of schemas, problems fitted to declared error schemas. */
  responder: StatelessResponder;
  /** Whether some layer holds the item at this path (the first that knows it says); undefined when none serves it. */
  itemExists(path: ItemPath): boolean | undefined;
}

/** Builds a server's stateful layers, in order of precedence, once it knows its own URL. */
export type LayerBuilder = (context: LayerContext) => StatefulLayer[];
