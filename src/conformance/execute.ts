import { isJsonMediaType, isSafeMethod, isSecretName, type HeaderMap } from '../core/index.js';
import type { Operation } from '../openapi/index.js';
import { isTransportFailure, type OutgoingRequest, type TransportFailure } from '../transport/index.js';
import { validateRequest } from '../validation/index.js';
import type { CheckContext, Exchange, Finding, RequestKind } from './check.js';
import { findingOf } from './finding.js';
import { materialise, type Materialised } from './materialise.js';
import type { RequestPlan } from './request-plan.js';
import type { RunEnv } from './run-env.js';
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


/** Sends one planned request, learns ids from the answer and runs every enabled check on the exchange. */
export async function execute(env: RunEnv, operation: Operation, plan: RequestPlan, options: ExecuteOptions = {}): Promise<Executed> {
  const mode = options.credentials ?? 'default';
  const built = materialise(plan, {
    operation,
    baseUrl: env.baseUrl,
    pool: env.pool,
    vars: env.vars,
    headers: mode === 'default' ? env.credentials : mode === 'none' ? {} : mode.replace,
    namePrefix: env.namePrefix,
    lookup: env.validator.lookup,
    ownedOnly: !isSafeMethod(operation.method),
    ...(mode === 'default' ? { authFor: (op, params) => tokenFor(env, op, params) } : {}),
    ...(env.tokens.size > 0 && takesOwnToken(operation, env.primarySchemes) ? { prefer: new Set(env.tokens.keys()) } : {}),
  });
  const generatedAs = options.kind ?? classify(env, operation, plan, built);
  const count = options.count ?? true;
  const result = await env.client.send(built.request);
  if (count) env.requests += 1;
  const request = { ...built.request, path: new URL(built.request.url).pathname, query: built.query.toString() };
  if (isTransportFailure(result)) {
    const response = { status: result.status ?? 0, headers: {}, body: Buffer.from(result.message) };
    const exchange: Exchange = { operation, request, response, generatedAs, elapsedMs: result.elapsedMs };
    // No answer is the server failing to serve: reported as not_a_server_error (when that check is on).
    if (!serverErrorsChecked(env)) return { findings: [], transport: result };
    if (count) tally(env, 'not_a_server_error', true);
    return { findings: [transportFinding(exchange, result)], transport: result };
  }
  const exchange: Exchange = { operation, request, response: result, generatedAs, elapsedMs: result.elapsedMs, ...parseJson(result) };
  env.pool.learn(operation, built.pathParams, result.status, exchange.json, operation.method === 'POST');
  noteCreated(env, operation, result.status, exchange.json, built.pathParams);
  const findings: Finding[] = [];
  const persisted = (result.status === 429 || result.status === 503) && result.retries >= env.maxRetries && env.maxRetries > 0;
  if (persisted && serverErrorsChecked(env)) {
    findings.push(
      findingOf('not_a_server_error', exchange, {
        title: `${result.status} persisted after ${result.retries} retries`,
        expected: 'an answer once Retry-After has passed',
        received: `${result.status} after ${result.retries} retries`,
        key: `retry-exhausted:${result.status}`,
      }),
    );
  }
  const context = checkContext(env, generatedAs.kind === 'positive' ? bodySecrets(built) : []);
  for (const check of env.checks) {
    let found: Finding[];
    try {
      found = await check.run(exchange, context);
    } catch (error) {
      env.emit({ type: 'run-warned', message: `check ${check.name} failed on ${operation.id}: ${(error as Error)?.message ?? error}` });
      found = [];
    }
    if (count) tally(env, check.name, found.length > 0);
    findings.push(...found);
  }
  return { exchange, findings };
}

/** The context handed to checks; follow-up requests carry credentials only to the target's own origin. */
export function checkContext(env: RunEnv, extraSecrets: string[] = []): CheckContext {
  const origin = new URL(env.baseUrl).origin;
  return {
    spec: env.spec,
    validator: env.validator,
    secrets: extraSecrets.length > 0 ? [...env.secrets, ...extraSecrets] : env.secrets,
    apiKeyConfigured: env.apiKeyConfigured,
    async send(request) {
      const headers = { ...request.headers };
      if (new URL(request.url).origin !== origin) for (const name of Object.keys(env.credentials)) delete headers[name.toLowerCase()];
      const outgoing: OutgoingRequest = {
        method: request.method,
        url: request.url,
        headers,
        ...(request.body ? { body: request.body } : {}),
      };
      const answer = await env.client.send(outgoing);
      if (isTransportFailure(answer)) return { status: 0, headers: {}, body: Buffer.from(`no response: ${answer.message}`) };
      return answer;
    },
  };
}

/** A mutation that did not survive serialisation (a number in a path is still a string) is not negative. */
function classify(env: RunEnv, operation: Operation, plan: RequestPlan, built: Materialised): RequestKind {
  if (plan.kind.kind !== 'negative' || built.body?.raw) return plan.kind;
  const media = operation.requestBody?.content.find((entry) => entry.mediaType === built.body?.mediaType);
  const validation = validateRequest(env.validator, operation, {
    pathParams: built.pathParams,
    query: built.query,
    headers: built.request.headers,
    body: built.body && media ? { media, value: built.body.value } : undefined,
  });
  return validation.violations.length > 0 ? plan.kind : { kind: 'positive' };
}

function parseJson(response: { headers: HeaderMap; body: Buffer }): { json?: unknown; parseError?: string } {
  if (response.body.length === 0 || !isJsonMediaType(response.headers['content-type'])) return {};
  try {
    return { json: JSON.parse(response.body.toString('utf8')) };
  } catch (error) {
    return { parseError: (error as Error).message };
  }
}

function tokenFor(env: RunEnv, operation: Operation, pathParams: Record<string, string>): HeaderMap {
  if (!takesOwnToken(operation, env.primarySchemes)) return {};
  for (const value of Object.values(pathParams)) {
    const token = env.tokens.get(value);
    if (token) return tokenHeaders(env.spec.document, operation, token);
  }
  return {};
}

/** A create (2xx POST to a collection) whose item path has a DELETE is archived at the end of the run. */
function noteCreated(env: RunEnv, operation: Operation, status: number, json: unknown, pathParams: Record<string, string>): void {
  if (operation.method !== 'POST' || status < 200 || status > 299 || operation.path.endsWith('}')) return;
  const id = (json as { id?: unknown } | null | undefined)?.id;
  if (typeof id !== 'string') return;
  const remover = env.spec.operations.find(
    (op) => op.method === 'DELETE' && op.path.startsWith(operation.path + '/{') && !op.path.slice(operation.path.length + 1).includes('/'),
  );
  if (!remover || Object.keys(pathParams).length > 0) return;
  const param = /\{([^}]+)\}$/.exec(remover.path)![1]!;
  env.created.push({ operation: remover, pathParams: { [param]: id } });
}

function bodySecrets(built: Materialised): string[] {
  const found: string[] = [];
  const walk = (value: unknown, depth: number) => {
    if (depth > 6 || value === null || typeof value !== 'object') return;
    for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
      if (typeof child === 'string' && isSecretName(key) && child.length >= 8) found.push(child);
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
  });
}

function serverErrorsChecked(env: RunEnv): boolean {
  return env.checks.some((check) => check.name === 'not_a_server_error');
}

function tally(env: RunEnv, check: string, failed: boolean): void {
  const totals = env.totals.get(check) ?? { check, passed: 0, failed: 0 };
  if (failed) totals.failed += 1;
  else totals.passed += 1;
  env.totals.set(check, totals);
}
