import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Operation } from '../../openapi/index.js';
import type { Violation } from '../../validation/index.js';

/**
 * What the request path tells an observer (the dashboard). Unwatched, a request costs it two
 * counter increments (`answered`, `ended`) and nothing else: `begin` and `validated` only record
 * while `watching` is true, that is while a browser holds the event stream open.
 */
export interface RequestObserver {
  /** True while someone watches; the server calls `begin` only then. */
  readonly watching: boolean;
  /** A request arrived (at `arrivedAt`, a `performance.now()` instant: before any injected delay), before anything was read or written. */
  begin(req: IncomingMessage, res: ServerResponse, arrivedAt: number): void;
  /** The request was routed to an operation and validated. */
  validated(res: ServerResponse, violations: readonly Violation[]): void;
  /** The routed request was answered with `status`. */
  answered(res: ServerResponse, operation: Operation, status: number): void;
  /** Any request ended with `status` (unrouted and administration ones too). */
  ended(req: IncomingMessage, res: ServerResponse, status: number): void;
}
