export { createAppsModel } from './model.js';
export { toAppsRequest } from './apps-request.js';
export { APPS_OPERATION_IDS, isAppsDocument } from './operations.js';
export { APPS_PROBLEM_TYPES, EVERRUNS_PROBLEM_TYPE_BASE } from './problem-types.js';
export { SECRET_CONFIG_KEYS, redactSnapshot } from './redact.js';
export type { AppsEnvironment, AppsModel, AppsOperationId, AppsOutcome, AppsRequest, AppsSnapshot, StateChange } from './types.js';
export type { AppRecord, AppStatus, ChannelRecord, ChannelType } from './records.js';
export { AGENT_VERSION_POLICIES, APP_STATUSES, CHANNEL_TYPES } from './records.js';
export { describeIdProblem, type IdPrefix } from './ids.js';
