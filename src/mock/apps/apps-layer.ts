import { UsageError } from '../../core/index.js';
import {
  APPS_OPERATION_IDS,
  redactSnapshot,
  toAppsRequest,
  type AppsModel,
  type AppsSnapshot,
  type StateChange,
} from '../../model/apps/index.js';
import type { Operation } from '../../openapi/index.js';
import { toProblemErrors } from '../../validation/index.js';
import type { LayerAnswer, LayerRequest, StatefulLayer } from '../stateful-layer.js';

const KNOWN = new Set<string>(APPS_OPERATION_IDS);
const APPS_STATE_MEMBERS = ['version', 'apps', 'runs', 'principal_id'] as const;

/** True for an operation the Apps layer serves (one of the twelve Apps operationIds). */
export function isAppsOperation(operation: Operation): boolean {
  return KNOWN.has(operation.id);
}

/** Where acknowledged changes go before the answer is sent (a database, or nowhere). */
export interface ChangeSink {
  write(changes: readonly StateChange[]): void;
  clear(): void;
  close(): void;
}

/**
 * A thin shell: HTTP facts in, the model's answer out, every change persisted before replying.
 * `createModel` builds an empty model, or one restored from the snapshot it is given.
 */
export function createAppsLayer(createModel: (snapshot?: AppsSnapshot) => AppsModel, sink?: ChangeSink): StatefulLayer {
  let model = createModel();
  return {
    handles: isAppsOperation,
    judgesRequests: true,
    handle(request: LayerRequest): LayerAnswer {
      const outcome = model.handle(
        toAppsRequest({ ...request, operationId: request.operation.id, violations: toProblemErrors(request.violations) }),
      );
      if (outcome.changes.length > 0) sink?.write(outcome.changes);
      return outcome.response;
    },
    exportState: () => redactSnapshot(model.exportSnapshot()),
    reset() {
      model = createModel();
      sink?.clear();
    },
    stateMembers: APPS_STATE_MEMBERS,
    prepareImport(value) {
      const given = APPS_STATE_MEMBERS.some((member) => value[member] !== undefined);
      const snapshot = given ? parseAppsSnapshot(value, 'the snapshot') : undefined;
      // Built before anything is replaced: a snapshot the model refuses leaves the state as it was.
      const next = createModel(snapshot);
      return () => {
        model = next;
        sink?.clear();
        if (sink && snapshot) seedSink(sink, snapshot);
      };
    },
    close: () => sink?.close(),
  };
}

/** Checks that a parsed JSON value is an Apps state snapshot (`--load`, `PUT /__mock/state`); `what` names it in the error. */
export function parseAppsSnapshot(value: unknown, what: string): AppsSnapshot {
  const snapshot = value as Partial<AppsSnapshot> | null;
  if (snapshot === null || typeof snapshot !== 'object' || snapshot.version !== 1 || !Array.isArray(snapshot.apps)) {
    throw new UsageError(`${what} is not a state snapshot (expected {"version": 1, "apps": [...], "runs": [...]})`);
  }
  return {
    version: 1,
    apps: snapshot.apps,
    runs: Array.isArray(snapshot.runs) ? snapshot.runs : [],
    ...(typeof snapshot.principal_id === 'string' ? { principal_id: snapshot.principal_id } : {}),
  };
}

/** Seeds an empty store with a snapshot (`--load`, `PUT /__mock/state`). */
export function seedSink(sink: ChangeSink, snapshot: AppsSnapshot): void {
  const changes: StateChange[] = [
    ...snapshot.apps.map((record) => ({ kind: 'app' as const, record })),
    ...snapshot.runs.map((record) => ({ kind: 'run' as const, record })),
  ];
  if (changes.length > 0) sink.write(changes);
}
