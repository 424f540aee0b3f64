export * from './server.js';
export type { PlaybackSource } from './playback-source.js';
export * from './stateful-layer.js';
export * from './stateless.js';
export * from './random.js';
export * from './apps/apps-layer.js';
export * from './apps/sqlite-sink.js';
export * from './router.js';
