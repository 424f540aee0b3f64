import type { ConformancePlugin } from '../run/plugin.js';
import { statefulPhase } from '../stateful/index.js';
import { resourceMaps, sequenceableCollections } from './resource-map.js';
import { createResourceSource } from './source.js';

/**
 * The stateful checks of the resources inferred from any document, as the runner takes them: a
 * phase of sequences over every collection it can drive, leaving to the plug-ins given that speak
 * for the document (the Apps plug-in) the operations they serve, as the mock leaves them to its layers.
 */
export function resourcesPlugin(others: readonly ConformancePlugin[] = []): ConformancePlugin {
  const mapOf = resourceMaps((spec, operation) => others.some((plugin) => plugin.serves?.(operation) === true && plugin.appliesTo(spec)));
  return {
    name: 'resources',
    appliesTo: (spec) => sequenceableCollections(spec, mapOf(spec), {}).length > 0,
    phases: [statefulPhase(createResourceSource(mapOf))],
  };
}
