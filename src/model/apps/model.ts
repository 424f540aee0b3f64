import { isJsonObject, reasonPhrase } from '../../core/index.js';
import { declaredStatus, type DeclaredResponses } from '../../openapi/index.js';
import { checkApiKey } from './auth.js';
import type { HandlerContext } from './context.js';
import { unchanged } from './context.js';
import { explainViolations } from './explain-violations.js';
import { describeIdProblem } from './ids.js';
import { normalizeRequest } from './normalize.js';
import { OPERATIONS } from './operations.js';
import { invalidFields, problemResponse } from './problems.js';
import { AppsStore } from './store.js';
import type { AppsEnvironment, AppsModel, AppsOutcome, AppsRequest, AppsSnapshot } from './types.js';

/** Creates the Apps contract state machine, empty or restored from a snapshot. */
export function createAppsModel(env: AppsEnvironment, snapshot?: AppsSnapshot): AppsModel {
  const store = snapshot ? AppsStore.fromSnapshot(snapshot, () => env.newId('principal')) : new AppsStore(env.newId('principal'));
  return {
    env,
    handle: (request) => handle(env, store, request),
    hasApp(id) {
      const app = store.app(id);
      return app !== undefined && app.status !== 'deleted';
    },
    exportSnapshot: () => store.snapshot(),
  };
}

function handle(env: AppsEnvironment, store: AppsStore, raw: AppsRequest): AppsOutcome {
  let instance = '';
  try {
    const request = normalizeRequest(raw);
    instance = request.path;
    return fitted(dispatch(env, store, request), request.declared);
  } catch (error) {
    // A bug must not take the server down; handlers build new records before storing them,
    // so a throw leaves the state as it was.
    const detail = error instanceof Error ? error.message : 'unknown error';
    return unchanged(problemResponse('internal_error', `The Apps model failed: ${detail}`, instance));
  }
}

/**
 * The answer in a status the served document declares for the route (the platform's webhook
 * declares no 403: its refusals are 404s); a problem's `status` and `title` follow the status line.
 */
function fitted(outcome: AppsOutcome, declared: DeclaredResponses | undefined): AppsOutcome {
  const { response } = outcome;
  const status = declared ? declaredStatus(declared, response.status) : response.status;
  if (status === response.status) return outcome;
  const body = isJsonObject(response.body) ? { ...response.body, status, title: reasonPhrase(status) } : response.body;
  return { ...outcome, response: { ...response, status, body } };
}

function dispatch(env: AppsEnvironment, store: AppsStore, request: AppsRequest): AppsOutcome {
  const entry = Object.hasOwn(OPERATIONS, request.operationId) ? OPERATIONS[request.operationId] : undefined;
  if (!entry) {
    return unchanged(
      problemResponse('route_not_found', `The Apps contract has no operation ${JSON.stringify(request.operationId)}.`, request.path),
    );
  }
  if (entry.management) {
    const refusal = checkApiKey(env, request.headers, request.path);
    if (refusal) return unchanged(refusal);
    const idErrors = [];
    for (const [name, prefix] of entry.pathIds) {
      const detail = describeIdProblem(name, request.pathParams[name], prefix);
      if (detail) idErrors.push({ pointer: `/path/${name}`, detail });
    }
    if (idErrors.length > 0) {
      // The id sentence already names the parameter, so it is the detail as it stands.
      return unchanged(
        problemResponse('invalid_request', idErrors[0]!.detail, request.path, {
          errors: idErrors,
          allowed_actions: [{ rel: 'retry', hint: 'Use the id exactly as the API returned it.' }],
        }),
      );
    }
    if (request.violations.length > 0) {
      return unchanged(invalidFields(explainViolations(request.violations, request.body), request.path));
    }
  }
  const now = env.now();
  // Links follow the origin the client reached (a proxy, a mapped port); the usual case shares env.
  const linked = request.origin && request.origin !== env.baseUrl ? { ...env, baseUrl: request.origin } : env;
  const ctx: HandlerContext = { env: linked, store, request, now, nowIso: now.toISOString() };
  return entry.handler(ctx);
}
