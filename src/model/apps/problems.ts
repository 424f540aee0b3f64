import { problemOf, type ProblemDetails, type ProblemError } from '../../core/index.js';
import { APPS_MODEL_PROBLEMS, EVERRUNS_PROBLEM_TYPE_BASE, type AppsProblemCode } from './problem-types.js';
import type { AllowedAction } from './allowed-action.js';
import type { AppsResponse } from './types.js';

/** Optional members of an Apps problem beyond type, title, status, detail, code and instance. */
export interface ProblemExtras {
  errors?: ProblemError[];
  allowed_actions?: AllowedAction[];
  headers?: Record<string, string>;
}

/** Builds the RFC 9457 problem response of `code` for the request at `instance`, its type on the Everruns base. */
export function problemResponse(code: AppsProblemCode, detail: string, instance: string, extras: ProblemExtras = {}): AppsResponse {
  const body: ProblemDetails = problemOf(APPS_MODEL_PROBLEMS, code, detail, { instance }, EVERRUNS_PROBLEM_TYPE_BASE);
  if (extras.errors && extras.errors.length > 0) body.errors = extras.errors;
  if (extras.allowed_actions && extras.allowed_actions.length > 0) body.allowed_actions = extras.allowed_actions;
  return extras.headers ? { status: body.status, body, headers: extras.headers } : { status: body.status, body };
}

/** A 400 for field-level failures: `detail` names the first field, `errors` lists them all. */
export function invalidFields(errors: ProblemError[], instance: string, hint?: string): AppsResponse {
  const first = errors[0];
  let detail = 'The request is invalid.';
  if (first !== undefined) {
    const field = fieldName(first.pointer);
    // Model details already open with the field's name; engine ones ("must be string") do not.
    detail = first.detail.startsWith(field) ? first.detail : `${field}: ${first.detail}`;
    if (errors.length > 1) detail += ` (and ${errors.length - 1} more problem${errors.length > 2 ? 's' : ''})`;
  }
  return problemResponse('invalid_request', detail, instance, {
    errors,
    allowed_actions: [{ rel: 'retry', hint: hint ?? 'Fix the listed fields and send the request again.' }],
  });
}

/** A 404 for an app that does not exist or is deleted. */
export function appNotFound(appId: string, instance: string, note?: string): AppsResponse {
  const detail = `No app with id ${clip(appId)} exists${note ? ` (${note})` : ''}.`;
  return problemResponse('app_not_found', detail, instance, {
    allowed_actions: [
      {
        rel: 'get-existing',
        href: '/v1/apps',
        method: 'GET',
        operation_id: 'list_apps',
        hint: 'List apps to find a valid id: GET /v1/apps',
      },
    ],
  });
}

/** A 404 for a channel that is not attached to the app. */
export function channelNotFound(appId: string, channelId: string, instance: string, why = ''): AppsResponse {
  return problemResponse('channel_not_found', `App ${clip(appId)} has no channel ${clip(channelId)}${why}.`, instance, {
    allowed_actions: [
      {
        rel: 'get-existing',
        href: `/v1/apps/${appId}`,
        method: 'GET',
        operation_id: 'get_app',
        hint: `Read the app to see its channels: GET /v1/apps/${appId}`,
      },
    ],
  });
}

/** A 400 for changing an archived app, which is read-only (§4). */
export function appArchived(detail: string, instance: string, actions: AllowedAction[]): AppsResponse {
  return problemResponse('app_archived', detail, instance, { allowed_actions: actions });
}

/** A 400 for publishing an app that is not a draft with a channel (§4 Publish). */
export function appNotPublishable(detail: string, instance: string, actions: AllowedAction[]): AppsResponse {
  return problemResponse('app_not_publishable', detail, instance, { allowed_actions: actions });
}

// "/body/name" and "/name" both name the field `name`; the root pointer names the body.
function fieldName(pointer: string): string {
  // Engine pointers address the virtual request document `#/{path,query,header,body}/…`.
  const path = pointer.replace(/^#/, '').replace(/^\/(?:body|path|query|header|cookie)(?=\/|$)/, '');
  if (path === '' || path === '/') return 'request body';
  return path.slice(1).split('/').join('.').replace(/~1/g, '/').replace(/~0/g, '~');
}

// Path values are echoed in details, so long ones are clipped to keep problems small.
function clip(text: string): string {
  return text.length > 80 ? text.slice(0, 80) + '…' : text;
}
