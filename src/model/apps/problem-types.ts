import { PROBLEM_TYPES, type ProblemCatalogue } from '../../core/index.js';

/** The problems only the Apps contract raises, with the codes spec/ documents for them. */
export const APPS_PROBLEM_TYPES = {
  app_not_found: { status: 404, title: 'Not Found' },
  channel_not_found: { status: 404, title: 'Not Found' },
  app_not_published: { status: 403, title: 'Forbidden' },
  channel_disabled: { status: 403, title: 'Forbidden' },
  invalid_webhook_token: { status: 401, title: 'Unauthorized' },
  app_archived: { status: 400, title: 'Bad Request' },
  app_not_publishable: { status: 400, title: 'Bad Request' },
} as const satisfies ProblemCatalogue;

/** Everruns documents name their problem types on this base (spec/ ErrorResponse: `type` is it + `code`). */
export const EVERRUNS_PROBLEM_TYPE_BASE = 'https://docs.everruns.com/errors/';

/** Every problem the Apps model answers with: its own, and these of the toolkit's catalogue. */
export const APPS_MODEL_PROBLEMS = {
  ...APPS_PROBLEM_TYPES,
  invalid_request: PROBLEM_TYPES.invalid_request,
  unauthorized: PROBLEM_TYPES.unauthorized,
  route_not_found: PROBLEM_TYPES.route_not_found,
  internal_error: PROBLEM_TYPES.internal_error,
} as const satisfies ProblemCatalogue;

/** The `code`s the Apps model answers with. */
export type AppsProblemCode = keyof typeof APPS_MODEL_PROBLEMS;
