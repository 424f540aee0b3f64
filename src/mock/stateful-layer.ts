import type { HeaderMap } from '../core/index.js';
import type { Operation } from '../openapi/index.js';
import type { Violation } from '../validation/index.js';

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
  body?: unknown;
  headers?: Record<string, string>;
}

/** Domain behaviour layered over the spec-driven engine for the operations it knows. */
export interface StatefulLayer {
  handles(operation: Operation): boolean;
  handle(request: LayerRequest): LayerAnswer;
  /**
   * Everything the layer holds, as JSON (for `GET /__mock/state`): secrets redacted as the API shows
   * them, unless `secrets` is true (`?secrets=include`), which gives a snapshot `importState` restores whole.
   */
  exportState(options?: { secrets?: boolean }): unknown;
  /** Drops all state (for `POST /__mock/reset`). */
  reset(): void;
  /**
   * Replaces all state with a snapshot as `exportState()` gives it (for `PUT /__mock/state`); a
   * snapshot the layer cannot take throws a UsageError and leaves the state as it was.
   */
  importState(snapshot: unknown): void;
  close(): void;
}
