export { BUNDLED_SPEC_PATH } from './bundled-spec.js';
export { PACKAGE_ROOT } from '../core/index.js';
export { resolveSpec, isSpecUrl, type SpecInput } from './resolve-spec.js';
export { startMock, type MockHandle, type StartMockOptions } from './start-mock.js';
export type { ReloadEvent } from './reload.js';
export { RequestVerificationError, type ExpectedCount } from './verify.js';
export {
  runConformance,
  streamConformance,
  defaultPlugins,
  resultOf,
  type ConformanceResult,
  type RunConformanceOptions,
} from './run-conformance.js';
export { streamRecordedConformance, type RecordedConformanceOptions } from './check-recorded.js';
export { ensureFolderOf } from './ensure-folder.js';
