export { PROBLEM_MEDIA_TYPE, isProblem, isProblemMediaType, type ProblemError, type ProblemDetails } from './problem.js';
export {
  PROBLEM_TYPES,
  BLANK_PROBLEM_TYPE,
  problemTypeUri,
  toProblem,
  problemOf,
  withTypeBase,
  reasonPhrase,
  type ProblemType,
  type ProblemCatalogue,
  type ProblemCode,
} from './problem-types.js';
export { ToolkitError, SpecError, UsageError, PlaybackMiss, UpstreamError } from './errors.js';
export { typedResponseClass, sendProblem, type TypedResponse } from './send-problem.js';
export { escapeToken, unescapeToken, toPointer, parsePointer, getAtPointer } from './json-pointer.js';
export { isSafeMethod, normaliseHeaders, type HeaderMap, type RequestFacts, type ResponseFacts } from './http-message.js';
export { parseMediaType, essence, isJsonMediaType, mediaTypeMatches, negotiateMediaType, type MediaType } from './media-type.js';
export { canonicalJson, jsonEqual } from './canonical-json.js';
export { isJsonObject, type JsonObject } from './json-object.js';
export { MAX_JSON_DEPTH, parseJsonBody, type JsonResult } from './parse-json.js';
export { decodePathParams, type DecodedPathParams } from './path-params.js';
export { readScalarText } from './text-value.js';
export { REDACTED, isSecretName } from './secrets.js';
export { maskSecrets } from './mask-secrets.js';
export { maskUrlCredentials, splitUrlCredentials, type UrlCredentials } from './url-credentials.js';
export { bearerToken, secretsEqual } from './credentials.js';
export { PACKAGE_ROOT, TOOL } from './tool.js';
export { packageFolder } from './package-folder.js';
export { deepFreeze, isShared } from './deep-freeze.js';
