/** The library behind the CLI: load a document, serve it, check a deployment, record and replay. */
export {
  startMock,
  runConformance,
  streamConformance,
  streamRecordedConformance,
  RequestVerificationError,
  BUNDLED_SPEC_PATH,
  type MockHandle,
  type StartMockOptions,
  type ReloadEvent,
  type ExpectedCount,
  type ConformanceResult,
  type RunConformanceOptions,
  type RecordedConformanceOptions,
  type SpecInput,
} from './api/index.js';
export { loadSpec, formatLoadWarnings, declaredStatus, OperationIndex, type LoadedSpec, type LoadWarning, type Operation } from './openapi/index.js';
export { SpecValidator, validateRequest, validateResponse, type Violation } from './validation/index.js';
export { schemaArbitrary, negativeArbitrary, sampleValue, type SchemaContext } from './generate/index.js';
export { createAppsModel, bindAppsRoutes, EVERRUNS_PROBLEM_TYPE_BASE, type AppsEnvironment, type AppsModel, type AppsSnapshot } from './model/apps/index.js';
export { inferResources, describeResourceMap, parseResourceOverrides, type ResourceMap } from './model/resources/index.js';
export {
  createMockServer,
  createAppsLayer,
  isAppsOperation,
  createResourcesLayer,
  createIdSource,
  createRandom,
  openSqliteSink,
  openStateFile,
  type LayerContext,
  type MockServer,
  type MockServerOptions,
  type PlaybackSource,
  type StatefulLayer,
  type JournalEntry,
  type RequestFilter,
  type FaultKind,
} from './mock/index.js';
export {
  checkRecordings,
  ALL_CHECKS,
  APPS_PLUGIN,
  STATEFUL_CHECKS,
  resourcesPlugin,
  statefulPhase,
  renderSummary,
  toJUnit,
  toJsonReport,
  toHtmlReport,
  exitCodeOf,
  type Check,
  type ConformanceOptions,
  type ConformancePlugin,
  type Coverage,
  type OperationFilter,
  type Finding,
  type ProblemRule,
  type RunEvent,
  type RunPhase,
  type RunSummary,
  type StatefulSource,
} from './conformance/index.js';
export {
  createRecordingProxy,
  createRecordingInterceptor,
  createPlayer,
  openHarWriter,
  loadHar,
  type Har,
  type HarEntry,
} from './recording/index.js';
export { toProblem, isProblem, PROBLEM_MEDIA_TYPE, type ProblemDetails } from './core/index.js';
export { main, type CliIo } from './cli/index.js';
