export { createMockServer, type MockServer, type MockServerOptions } from './server.js';
export type { PlaybackSource } from './playback-source.js';
export type { LayerAnswer, LayerRequest, StatefulLayer } from './stateful-layer.js';
export { createRandom } from './random.js';
export { Router } from './router.js';
export { createAppsLayer, type ChangeSink } from './apps/apps-layer.js';
export { createIdSource } from './apps/id-source.js';
export { openSqliteSink, seedSink } from './apps/sqlite-sink.js';
