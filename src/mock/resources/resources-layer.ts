import {
  createResourceModel,
  recordKey,
  type ResourceEnvironment,
  type ResourceMap,
  type ResourceModel,
  type ResourceRecord,
  type ResourceSnapshot,
} from '../../model/resources/index.js';
import type { StateTable } from '../state-file.js';
import type { LayerContext, LayerRequest, StatefulLayer } from '../stateful-layer.js';
import { withStateVersion } from '../state-version.js';
import { createResourceIdSource } from './id-source.js';
import { createItemRenderer } from './item-renderer.js';
import { redactRecords } from './redact-records.js';
import { ResourceAnswers } from './resource-answer.js';
import { readSnapshot, seedTable, writeChanges } from './resource-sink.js';

export interface ResourcesLayerOptions {
  /** What `inferResources` understood of the operations no earlier layer serves. */
  map: ResourceMap;
  context: LayerContext;
  /** Draws every new id (`createRandom(seed)`, so `--seed` repeats them). */
  random: () => number;
  now?: () => Date;
  /** Records to start with (`--load`); refused with a UsageError naming a malformed record. */
  snapshot?: ResourceSnapshot | undefined;
  /** Where acknowledged changes go before the answer (`--state`); records already there are served. */
  table?: StateTable | undefined;
}

/**
 * The inferred resources as a stateful layer: the pure model of `src/model/resources/` with the
 * engine as its environment (ids, rendered items valid against the document), its answers fitted
 * to what each operation declares, and every change persisted before the answer leaves.
 */
export function createResourcesLayer(options: ResourcesLayerOptions): StatefulLayer {
  const { map, context, table } = options;
  const engine = { validator: context.validator, responder: context.responder };
  const env: ResourceEnvironment = {
    now: options.now ?? (() => new Date()),
    newId: createResourceIdSource(options.random, context.responder.context),
    render: createItemRenderer(engine),
    // Parents another layer serves (a domain layer's items, above inferred collections) exist as that layer says.
    itemExists: context.itemExists,
  };
  const collections = new Map(map.collections.map((collection) => [collection.name, collection]));
  const stored = table ? readSnapshot(table) : undefined;
  let model: ResourceModel = createResourceModel(map, env, stored ?? options.snapshot);
  const keyOf = (record: ResourceRecord) =>
    recordKey(
      record.collection,
      collections.get(record.collection)!.scope.map((name) => record.parents[name]!),
      record.id,
    );
  // A snapshot loaded into an empty state file is written through, so the file alone holds it next time.
  if (table && !stored && options.snapshot) seedTable(table, model.exportSnapshot(), keyOf);
  const answers = new ResourceAnswers(engine);
  return withStateVersion({
    handles: (operation) => model.route(operation) !== undefined,
    judgesRequests: false,
    handle(request: LayerRequest) {
      const { operation } = request;
      const outcome = model.handle({
        operation,
        path: request.path,
        pathParams: request.pathParams,
        query: request.query,
        headers: request.headers,
        body: Buffer.isBuffer(request.body) ? undefined : request.body,
        origin: request.origin,
      });
      if (table && outcome.changes.length > 0) writeChanges(table, outcome.changes);
      const route = model.route(operation);
      const answer = answers.answer(operation, route, outcome, {
        path: request.path,
        accept: request.headers.accept,
        origin: request.origin,
        pathParams: request.pathParams,
      });
      // A read or a list of stored records follows from the state alone; a synthesized body may not.
      const reusable = (route?.kind === 'read' || route?.kind === 'list') && outcome.changes.length === 0 && outcome.response.kind === 'body';
      return reusable ? { ...answer, reusable } : answer;
    },
    exportState: (options) => ({ resources: options?.secrets ? model.exportSnapshot() : redactRecords(collections, model.exportSnapshot()) }),
    describe: () => map,
    reset() {
      model = createResourceModel(map, env);
      table?.clear();
    },
    stateMembers: ['resources'],
    prepareImport(value) {
      // Built before anything is replaced: a snapshot the model refuses leaves the state as it was.
      const next = createResourceModel(map, env, value['resources'] as ResourceSnapshot | undefined);
      return () => {
        model = next;
        if (!table) return;
        table.clear();
        seedTable(table, next.exportSnapshot(), keyOf);
      };
    },
    close: () => undefined,
  });
}
