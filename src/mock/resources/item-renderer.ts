import { overlay, type RenderInput } from '../../model/resources/index.js';
import { fitToSchema, type FitEngine } from './fit-to-schema.js';
import { withoutSecrets } from './without-secrets.js';

/**
 * The representation the model stores for an item, valid against the item's schema and the schema
 * of the endpoint answering with it. A create or copy starts from a sample of the item schema (the
 * stateless engine's readable, example-based value) with the client's fields laid over it; an
 * update from the merged representation; a replace from a fresh sample keeping the item's readOnly
 * members. Secrets the client sent are never laid over it. The server's fields (id, timestamps,
 * self links) go on top; written members the schema refuses are dropped for the sample's. An action
 * keeps the item as it was.
 */
export function createItemRenderer(engine: FitEngine): (input: RenderInput) => unknown {
  return (input) => {
    if (input.kind === 'action') return input.previous;
    const { collection, endpoint } = input;
    const itemPointer = collection.item.schemaPointer;
    const base = freshBase(itemPointer === undefined ? {} : engine.responder.sample(itemPointer), collection.item.nullable);
    let value = overlay(start(input, base), input.server);
    const pointers = new Set<string>();
    if (itemPointer !== undefined) pointers.add(itemPointer);
    if (endpoint.body === 'item' && endpoint.schemaPointer !== undefined) pointers.add(endpoint.schemaPointer);
    for (const pointer of pointers) value = fitToSchema(engine, pointer, value, input.server);
    return value;
  };
}

// A new item has not been archived, deleted or expired yet: a nullable instant (`deleted_at`) of
// the sample starts null rather than at the sample's date.
function freshBase(sample: unknown, nullable: readonly string[]): unknown {
  if (sample === null || typeof sample !== 'object' || Array.isArray(sample)) return sample;
  const base = { ...(sample as Record<string, unknown>) };
  for (const name of nullable) if (name.endsWith('_at') && Object.hasOwn(base, name)) base[name] = null;
  return base;
}

// What the client sent goes in without its secrets (its `written` record keeps them for the model).
function start(input: RenderInput, base: unknown): unknown {
  switch (input.kind) {
    case 'update':
      return withoutSecrets(input.merged, base);
    case 'replace':
      return overlay(overlay(base, readOnlyOf(input.previous, input.collection.item.readOnly)), withoutSecrets(input.written, base));
    default:
      return overlay(base, withoutSecrets(input.written, base));
  }
}

function readOnlyOf(previous: unknown, names: readonly string[]): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  if (previous === null || typeof previous !== 'object' || Array.isArray(previous)) return kept;
  for (const name of names) if (Object.hasOwn(previous, name)) kept[name] = (previous as Record<string, unknown>)[name];
  return kept;
}
