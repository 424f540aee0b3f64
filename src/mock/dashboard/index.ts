export { createDashboard, type Dashboard, type DashboardOptions } from './dashboard.js';
export type { RequestObserver } from './request-observer.js';
export type { ExchangeDetail, MessageView, RedactExchange, RequestSummary, ViolationView } from './exchange-view.js';
export type { OperationCount, StatsReport } from './request-stats.js';
export { KEY_COOKIE } from './admin-key.js';
