import type { StatefulLayer } from './stateful-layer.js';

/**
 * The layer with a `stateVersion` that moves whenever its state may have changed: every answer it
 * does not mark `reusable`, every reset and every import. One rule for every layer, so a layer only
 * has to say which of its answers follow from its state alone.
 */
export function withStateVersion(layer: Omit<StatefulLayer, 'stateVersion'>): StatefulLayer {
  let version = 0;
  return {
    ...layer,
    get stateVersion() {
      return version;
    },
    handle(request) {
      const answer = layer.handle(request);
      if (answer.reusable !== true) version++;
      return answer;
    },
    reset() {
      layer.reset();
      version++;
    },
    prepareImport(snapshot) {
      const commit = layer.prepareImport(snapshot);
      return () => {
        commit();
        version++;
      };
    },
  };
}
