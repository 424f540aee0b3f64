import type { AppsStore } from './store.js';
import type { AppsEnvironment, AppsOutcome, AppsRequest, AppsResponse } from './types.js';

/** What every operation handler works with; `now` is read once per request so a request sees one instant. */
export interface HandlerContext {
  env: AppsEnvironment;
  store: AppsStore;
  request: AppsRequest;
  now: Date;
  nowIso: string;
}

/** One operation of the contract, after the shared checks (API key, path ids, violations) passed. */
export type OperationHandler = (ctx: HandlerContext) => AppsOutcome;

/** An outcome that changed nothing: every rejection and every read. */
export function unchanged(response: AppsResponse): AppsOutcome {
  return { response, changes: [] };
}
