export { createAppsModel } from './model.js';
export { toAppsRequest, type DecodedRequest } from './apps-request.js';
export { APPS_PROBLEM_TYPES, EVERRUNS_PROBLEM_TYPE_BASE } from './problem-types.js';
export { APPS_OPERATION_IDS, isAppsDocument } from './operations.js';
export type {
  AppsEnvironment,
  AppsModel,
  AppsOperationId,
  AppsOutcome,
  AppsRequest,
  AppsResponse,
  AppsSnapshot,
  StateChange,
} from './types.js';
export type { AgentVersionPolicy, AppRecord, AppStatus, ChannelRecord, ChannelType, RunRecord } from './records.js';
export { AGENT_VERSION_POLICIES, APP_STATUSES, CHANNEL_TYPES } from './records.js';
export type { IdPrefix } from './ids.js';
export { ID_PREFIXES, describeIdProblem, isPublicId } from './ids.js';
export type { RunState } from './run-status.js';
export { runState } from './run-status.js';
export { parseWindow, MAX_WINDOW_MS, DEFAULT_WINDOW } from './run-window.js';
export { renderTemplate } from './template.js';
export { redactConfig, SECRET_CONFIG_KEYS } from './redact.js';
export { redactHeaders } from './webhook-context.js';
export { secretsEqual } from './auth.js';
