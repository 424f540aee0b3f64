import { isProblem } from '../../core/index.js';
import { appsRouteOf, readsStateOnly, redactSnapshot, toAppsRequest, type AppsModel, type AppsSnapshot, type StateChange } from '../../model/apps/index.js';
import { routeShape, type Operation } from '../../openapi/index.js';
import { toProblemErrors } from '../../validation/index.js';
import type { LayerAnswer, LayerContext, LayerRequest, StatefulLayer } from '../stateful-layer.js';
import { withStateVersion } from '../state-version.js';
import { resolveRelativeTimes } from './relative-times.js';
import { checkAppsSnapshot } from './snapshot-records.js';

// `relative_to` dates a snapshot whose times are relative (fixtures/demo.json).
const APPS_STATE_MEMBERS = ['version', 'apps', 'runs', 'principal_id', 'relative_to'] as const;
const APP_ITEM = routeShape('GET', '/v1/apps/{app_id}');

/** True for an operation the Apps layer serves: one of the Apps routes, by method and path template. */
export function isAppsOperation(operation: Operation): boolean {
  return appsRouteOf(operation) !== undefined;
}

/** Where acknowledged changes go before the answer is sent (a database, or nowhere). */
export interface ChangeSink {
  write(changes: readonly StateChange[]): void;
  clear(): void;
  close(): void;
}

/**
 * A thin shell: HTTP facts in, the model's answer out, every change persisted before replying.
 * `createModel` builds an empty model, or one restored from the snapshot it is given. With the
 * engine's `context`, problems take the media type and shape the served document declares for
 * their status (problem+json for spec/, the platform's `ErrorResponse` as application/json).
 */
export function createAppsLayer(
  createModel: (snapshot?: AppsSnapshot) => AppsModel,
  sink?: ChangeSink,
  context?: Pick<LayerContext, 'responder'>,
): StatefulLayer {
  let model = createModel();
  return withStateVersion({
    handles: isAppsOperation,
    judgesRequests: true,
    handle(request: LayerRequest): LayerAnswer {
      const route = appsRouteOf(request.operation)!;
      const outcome = model.handle(toAppsRequest(route, { ...request, violations: toProblemErrors(request.violations) }));
      if (outcome.changes.length > 0) sink?.write(outcome.changes);
      const { response } = outcome;
      // Problems are never kept (`layerAnswerOnWire`), so only a success needs the mark.
      if (readsStateOnly(route.name) && outcome.changes.length === 0 && response.status < 400) {
        return { status: response.status, body: response.body, headers: response.headers, reusable: true };
      }
      if (!context || response.status < 400 || !isProblem(response.body)) return response;
      const fitted = context.responder.fitProblem(request.operation, response.body);
      const body = typeof fitted.body === 'string' ? Buffer.from(fitted.body) : fitted.body;
      return { status: response.status, body, headers: { ...response.headers, 'content-type': fitted.mediaType } };
    },
    itemExists(path) {
      // Apps are the parents the inferred resources below them (a2a channels, API sessions) may name.
      if (routeShape('GET', path.template) !== APP_ITEM) return undefined;
      return model.hasApp(path.values[0] ?? '');
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
  });
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
