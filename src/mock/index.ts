export { createMockServer, type MockServer, type MockServerOptions } from './server.js';
export type { RequestFilter } from './journal/journal-filter.js';
export type { JournalEntry } from './journal/journal-entry.js';
export { MAX_DELAY_MS, parseFaultKind, type FaultKind } from './fault-kind.js';
export type { PlaybackSource } from './playback-source.js';
export type { LayerAnswer, LayerBuilder, LayerContext, LayerRequest, StatefulLayer } from './stateful-layer.js';
export { createRandom } from './random.js';
export { Router } from './router.js';
export { createAppsLayer, isAppsOperation, parseAppsSnapshot, seedSink, type ChangeSink } from './apps/apps-layer.js';
export { createIdSource, seededClock } from './apps/id-source.js';
export { openSqliteSink } from './apps/sqlite-sink.js';
export { exportState, importState } from './layer-state.js';
export {
  createDashboard,
  KEY_COOKIE,
  type Dashboard,
  type DashboardOptions,
  type RequestObserver,
  type ExchangeDetail,
  type MessageView,
  type RedactExchange,
  type RequestSummary,
  type ViolationView,
  type OperationCount,
  type StatsReport,
} from './dashboard/index.js';
export { createResourcesLayer, RESOURCES_TABLE, type ResourcesLayerOptions } from './resources/index.js';
export { openStateFile, type StateFile, type StateTable } from './state-file.js';
