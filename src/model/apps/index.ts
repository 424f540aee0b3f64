export { createAppsModel } from './model.js';
export { toAppsRequest } from './apps-request.js';
export { APPS_OPERATION_IDS } from './operations.js';
export { REQUIRED_APPS_OPERATIONS, appsRouteOf, bindAppsRoutes, type AppsRoute, type RoutedOperation } from './routes.js';
export { APPS_PROBLEM_TYPES, EVERRUNS_PROBLEM_TYPE_BASE } from './problem-types.js';
export { SECRET_CONFIG_KEYS, redactSnapshot } from './redact.js';
export type { AppsEnvironment, AppsModel, AppsOperationId, AppsOutcome, AppsRequest, AppsSnapshot, StateChange } from './types.js';
export type { AppRecord, AppStatus, ChannelRecord, ChannelType } from './records.js';
