export { resourcesPlugin } from './plugin.js';
export { createResourceSource, RESOURCES_REPLAY_PREFIX } from './source.js';
