import { isSafeMethod, isSecretName, type HeaderMap } from '../../core/index.js';
import type { Operation } from '../../openapi/index.js';
import { isTransportFailure, type TransportFailure } from '../../transport/index.js';
import { documentStrings } from '../checks/document-values.js';
import { responseJson, type Exchange, type RequestKind } from '../findings/exchange.js';
import { findingOf, type Finding } from '../findings/finding.js';
import { requestKindOf } from '../findings/request-kind.js';
import { materialise, type Materialised } from '../generate/materialise.js';
import type { RequestPlan } from '../generate/request-plan.js';
import { checkContext } from './check-context.js';
import type { Run } from './run.js';
import { takesOwnToken, tokenHeaders } from './security.js';

/** Which credentials a request carries: the configured ones, none, or stand-ins (a wrong key). */
export type CredentialMode = 'default' | 'none' | { replace: HeaderMap };

export interface ExecuteOptions {
  credentials?: CredentialMode;
  /** Overrides the plan's kind (auth probes). */
  kind?: RequestKind;
  /** False while fast-check shrinks, so the totals count each generated case once. */
  count?: boolean;
}

/** What one generated request led to: the exchange (absent on a transport failure) and every finding. */
export interface Executed {
  exchange?: Exchange;
  findings: Finding[];
  transport?: TransportFailure;
}

// Shorter values could occur in any body by chance, so they are not held as secrets.
const MIN_BODY_SECRET_LENGTH = 8;

/** Sends one planned request, learns ids from the answer and runs every enabled check on the exchange. */
export async function execute(run: Run, operation: Operation, plan: RequestPlan, options: ExecuteOptions = {}): Promise<Executed> {
  const { config, state } = run;
  const mode = options.credentials ?? 'default';
  const built = materialise(plan, {
    operation,
    baseUrl: config.baseUrl,
    pool: state.ids,
    vars: config.vars,
    headers: mode === 'default' ? config.credentials : mode === 'none' ? {} : mode.replace,
    namePrefix: config.namePrefix,
    lookup: config.validator.lookup,
    ownedOnly: !isSafeMethod(operation.method),
    ...(mode === 'default' ? { authFor: (op, params) => tokenFor(run, op, params) } : {}),
    ...(takesOwnToken(operation, config.primarySchemes) && state.secrets.tokenHolders().size > 0
      ? { prefer: state.secrets.tokenHolders() }
      : {}),
  });
  const request = { ...built.request, path: new URL(built.request.url).pathname, query: built.query.toString() };
  const generatedAs = options.kind ?? classify(run, operation, plan, built, request.path);
  const count = options.count ?? true;
  if (operation.method === 'DELETE') state.deleted.note(new URL(built.request.url).pathname);
  const result = await config.client.send(built.request);
  if (count) state.tally.countRequests();
  state.health.note(operation.id, isTransportFailure(result));
  if (isTransportFailure(result)) {
    const response = { status: result.status ?? 0, headers: {}, body: Buffer.from(result.message) };
    const exchange: Exchange = { operation, request, response, generatedAs, elapsedMs: result.elapsedMs };
    // No answer is the server failing to serve: reported as not_a_server_error (when that check is on).
    if (!serverErrorsChecked(run)) return { findings: [], transport: result };
    if (count) state.tally.count('not_a_server_error', true);
    return { findings: [transportFinding(exchange, result)], transport: result };
  }
  const unknownIds = unknownIdsOf(run, built, request.path);
  const exchange: Exchange = {
    operation,
    request,
    response: result,
    generatedAs,
    ...(unknownIds.length > 0 ? { unknownIds } : {}),
    elapsedMs: result.elapsedMs,
    ...responseJson(result),
  };
  state.coverage.note(operation, request.method, result);
  state.ids.learn(operation, built.pathParams, result.status, exchange.json, operation.method === 'POST');
  state.created.noteAnswer(config.spec, operation, result.status, exchange.json, built.pathParams);
  const findings: Finding[] = [];
  const persisted = (result.status === 429 || result.status === 503) && result.retries >= config.maxRetries && config.maxRetries > 0;
  if (persisted && serverErrorsChecked(run)) {
    findings.push(
      findingOf('not_a_server_error', exchange, {
        title: `${result.status} persisted after ${result.retries} retries`,
        expected: 'an answer once Retry-After has passed',
        received: `${result.status} after ${result.retries} retries`,
        key: `retry-exhausted:${result.status}`,
      }),
    );
  }
  const context = checkContext(run, generatedAs.kind === 'positive' ? bodySecrets(built) : []);
  for (const check of config.checks) {
    let found: Finding[];
    try {
      found = await check.run(exchange, context);
    } catch (error) {
      config.emit({ type: 'run-warned', message: `check ${check.name} failed on ${operation.id}: ${(error as Error)?.message ?? error}` });
      found = [];
    }
    const failed = found.some((finding) => finding.severity === 'error');
    if (count) state.tally.count(check.name, failed, !failed && found.length > 0);
    findings.push(...found);
  }
  return { exchange, findings };
}

/**
 * What the request is on the wire, judged as the document reads it: a mutation that did not
 * survive serialisation (a number in a string parameter is still a string) is valid input, and a
 * planned-valid request the document refuses is invalid input. A surviving mutation keeps the
 * plan's description of what it broke.
 */
function classify({ config }: Run, operation: Operation, plan: RequestPlan, built: Materialised, path: string): RequestKind {
  const rawPathParams = Object.fromEntries(Object.entries(built.pathParams).map(([name, value]) => [name, encodeURIComponent(value)]));
  const judged = requestKindOf(config.validator, operation, {
    path,
    rawPathParams,
    query: built.query.toString(),
    headers: built.request.headers,
    body: built.request.body,
  });
  return judged.kind === 'negative' && plan.kind.kind === 'negative' ? plan.kind : judged;
}

/**
 * The path parameters that name nothing the target holds: made up by the generator, one of the
 * document's example values (a target answering from examples hands them out), or an item the run
 * deleted (or is deleting).
 */
function unknownIdsOf({ config, state }: Run, built: Materialised, path: string): string[] {
  const gone = state.deleted.covers(path);
  const examples = documentStrings(config.spec);
  return Object.entries(built.pathParams)
    .filter(([name, value]) => gone || !built.knownIds.has(name) || examples.has(value))
    .map(([name]) => name);
}

/** The token of a resource named in the path, for an operation guarded by that resource's own scheme. */
function tokenFor({ config, state }: Run, operation: Operation, pathParams: Record<string, string>): HeaderMap {
  if (!takesOwnToken(operation, config.primarySchemes)) return {};
  const token = state.secrets.tokenFor(Object.values(pathParams));
  return token ? tokenHeaders(config.spec.document, operation, token) : {};
}

/** Secrets a valid request carries in its body (a token it sets): none may come back. */
function bodySecrets(built: Materialised): string[] {
  const found: string[] = [];
  const walk = (value: unknown, depth: number) => {
    if (depth > 6 || value === null || typeof value !== 'object') return;
    for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
      if (typeof child === 'string' && isSecretName(key) && child.length >= MIN_BODY_SECRET_LENGTH) found.push(child);
      else walk(child, depth + 1);
    }
  };
  if (built.body && !built.body.raw) walk(built.body.value, 0);
  return found;
}

function transportFinding(exchange: Exchange, failure: TransportFailure): Finding {
  const timeout = failure.kind === 'timeout';
  return findingOf('not_a_server_error', exchange, {
    title: timeout ? 'No response in time' : `No usable response (${failure.kind})`,
    expected: `a complete response within the ${timeout ? 'timeout' : 'limits'}`,
    received: failure.message,
    key: `transport:${failure.kind}`,
    // A target that hangs or drops connections does so for every operation alike.
    scope: 'api',
  });
}

function serverErrorsChecked({ config }: Run): boolean {
  return config.checks.some((check) => check.name === 'not_a_server_error');
}
