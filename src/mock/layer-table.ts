import type { Operation } from '../openapi/index.js';
import type { StatefulLayer } from './stateful-layer.js';

/**
 * Which layer serves each operation: the first of the ordered list that claims it (the Apps layer
 * before the inferred resources), none for the operations left stateless. Decided once, when the
 * server starts, so a request costs one map lookup.
 */
export function buildLayerTable(operations: readonly Operation[], layers: readonly StatefulLayer[]): ReadonlyMap<Operation, StatefulLayer> {
  const table = new Map<Operation, StatefulLayer>();
  if (layers.length === 0) return table;
  for (const operation of operations) {
    const layer = layers.find((candidate) => candidate.handles(operation));
    if (layer) table.set(operation, layer);
  }
  return table;
}
