import { APPS_OPERATION_IDS, toAppsRequest, type AppsModel, type StateChange } from '../../model/apps/index.js';
import { toProblemErrors } from '../../validation/index.js';
import type { LayerAnswer, LayerRequest, StatefulLayer } from '../stateful-layer.js';

const KNOWN = new Set<string>(APPS_OPERATION_IDS);

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
    handles: (operation) => KNOWN.has(operation.id),
    handle(request: LayerRequest): LayerAnswer {
      const outcome = model.handle(
        toAppsRequest({ ...request, operationId: request.operation.id, violations: toProblemErrors(request.violations) }),
      );
      if (outcome.changes.length > 0) sink?.write(outcome.changes);
      return outcome.response;
    },
    exportState: () => model.exportSnapshot(),
    reset() {
      model = createModel();
      sink?.clear();
    },
    close: () => sink?.close(),
  };
}
