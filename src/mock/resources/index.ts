export { createResourcesLayer, type ResourcesLayerOptions } from './resources-layer.js';
export { RESOURCES_TABLE } from './resource-sink.js';
