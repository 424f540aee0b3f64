import { APPS_OPERATION_IDS, redactSnapshot, type AppsModel, type AppsOperationId, type StateChange } from '../../model/apps/index.js';
import type { Operation } from '../../openapi/index.js';
import { toProblemErrors } from '../../validation/index.js';
import type { LayerAnswer, LayerRequest, StatefulLayer } from '../stateful-layer.js';

const KNOWN = new Set<string>(APPS_OPERATION_IDS);

/** True for an operation the Apps layer serves (one of the twelve Apps operationIds). */
export function isAppsOperation(operation: Operation): boolean {
  return KNOWN.has(operation.id);
}

/** True when a document declares every Apps operation, so the Apps layer can serve it. */
export function isAppsDocument(operations: readonly Operation[]): boolean {
  const ids = new Set(operations.map((operation) => operation.id));
  return APPS_OPERATION_IDS.every((id) => ids.has(id));
}

/** Where acknowledged changes go before the answer is sent (a database, or nowhere). */
export interface ChangeSink {
  write(changes: readonly StateChange[]): void;
  clear(): void;
  close(): void;
}

/** A thin shell: HTTP facts in, the model's answer out, every change persisted before replying. */
export function createAppsLayer(createModel: () => AppsModel, sink?: ChangeSink): StatefulLayer {
  let model = createModel();
  return {
    handles: isAppsOperation,
    judgesRequests: true,
    handle(request: LayerRequest): LayerAnswer {
      const query: Record<string, string | undefined> = {};
      for (const [name, value] of request.query) if (!(name in query)) query[name] = value;
      const outcome = model.handle({
        operationId: request.operation.id as AppsOperationId,
        path: request.path,
        origin: request.origin,
        pathParams: request.pathParams,
        query,
        headers: request.headers,
        body: Buffer.isBuffer(request.body) ? undefined : request.body,
        rawBody: request.rawBody,
        violations: toProblemErrors(request.violations),
      });
      if (outcome.changes.length > 0) sink?.write(outcome.changes);
      return outcome.response;
    },
    exportState: () => redactSnapshot(model.exportSnapshot()),
    reset() {
      model = createModel();
      sink?.clear();
    },
    close: () => sink?.close(),
  };
}
