import type { Check } from './check.js';
import { contentTypeConformance } from './content-type-conformance.js';
import { ignoredAuth } from './ignored-auth.js';
import { linksResolve } from './links-resolve.js';
import { maxResponseTime } from './max-response-time.js';
import { negativeDataRejection } from './negative-data-rejection.js';
import { notAServerError } from './not-a-server-error.js';
import { problemJsonConformance } from './problem-json-conformance.js';
import { responseSchemaConformance } from './response-schema-conformance.js';
import { secretNotEchoed } from './secret-not-echoed.js';
import { statusCodeConformance } from './status-code-conformance.js';

/** Every stateless check, in the order they run and are reported; `name` is the --checks value. */
export const ALL_CHECKS: readonly Check[] = [
  notAServerError,
  statusCodeConformance,
  contentTypeConformance,
  responseSchemaConformance,
  problemJsonConformance,
  negativeDataRejection,
  ignoredAuth,
  secretNotEchoed,
  linksResolve,
  maxResponseTime,
];
