export type {
  Har,
  HarContent,
  HarCookie,
  HarCreator,
  HarEntry,
  HarLog,
  HarNameValue,
  HarPostData,
  HarRequest,
  HarResponse,
  HarTimings,
  HarTruncation,
} from './har-types.js';
export { toHarEntry, fromHarEntry } from './har.js';
export type { HarExchange, RecordedExchange, ToHarEntryOptions } from './har.js';
export { DEFAULT_MAX_BODY_BYTES, encodeBody, decodeBody, isTextMediaType } from './body-codec.js';
export type { EncodedBody } from './body-codec.js';
export type { NameRule } from './secret-rules.js';
export { createRedactor, redactUserinfo } from './redact.js';
export type { RedactOptions, Redactor } from './redact.js';
export { openHarWriter } from './har-writer.js';
export type { HarWriter, HarWriterOptions } from './har-writer.js';
export { requestKey, normalisePath, bodyDigest } from './request-key.js';
export type { NormalisedRequest, RequestKeyOptions } from './request-key.js';
export { createPlayer } from './player.js';
export type { Player, PlayerOptions, PlayerSource } from './player.js';
export { describeMiss, similarity } from './closest.js';
export type { Suggestion, RequestShape } from './closest.js';
export { checkHar } from './check-har.js';
export type { HarProblem } from './check-har.js';
export { loadHar } from './load-har.js';
export { createRecordingProxy } from './recording-proxy.js';
export type { RecordingProxy, RecordingProxyOptions } from './recording-proxy.js';
export { createRecordingInterceptor } from './recording-interceptor.js';
export type { RecordingInterceptorOptions } from './recording-interceptor.js';
