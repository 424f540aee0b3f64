export { createMockServer, type MockServer, type MockServerOptions } from './server.js';
export type { RequestFilter } from './journal/journal-filter.js';
export type { JournalEntry } from './journal/journal-entry.js';
export { MAX_DELAY_MS, parseFaultKind, type FaultKind } from './fault-kind.js';
export type { PlaybackSource } from './playback-source.js';
export type { LayerAnswer, LayerRequest, StatefulLayer } from './stateful-layer.js';
export { createRandom } from './random.js';
export { Router } from './router.js';
export { createAppsLayer, parseAppsSnapshot, seedSink, type ChangeSink } from './apps/apps-layer.js';
export { createIdSource, seededClock } from './apps/id-source.js';
export { openSqliteSink } from './apps/sqlite-sink.js';
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
