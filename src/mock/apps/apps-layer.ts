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
import { resolveRelativeTimes } from './relative-times.js';
import { checkAppsSnapshot } from './snapshot-records.js';

const KNOWN = new Set<string>(APPS_OPERATION_IDS);
// `relative_to` dates a snapshot whose times are relative (fixtures/demo.json).
const APPS_STATE_MEMBERS = ['version', 'apps', 'runs', 'principal_id', 'relative_to'] as const;

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
    exportState: (options) => (options?.secrets ? model.exportSnapshot() : redactSnapshot(model.exportSnapshot())),
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

/**
 * Checks that a parsed JSON value is an Apps state snapshot (`--load`, `PUT /__mock/state`), every
 * record of it, times given `relative_to` an instant moved to now; `what` names it in the error.
 */
export function parseAppsSnapshot(value: unknown, what: string): AppsSnapshot {
  return checkAppsSnapshot(resolveRelativeTimes(value, what), what);
}

/** Seeds an empty store with a snapshot (`--load`, `PUT /__mock/state`). */
export function seedSink(sink: ChangeSink, snapshot: AppsSnapshot): void {
  const changes: StateChange[] = [
    ...snapshot.apps.map((record) => ({ kind: 'app' as const, record })),
    ...snapshot.runs.map((record) => ({ kind: 'run' as const, record })),
  ];
  if (changes.length > 0) sink.write(changes);
}
