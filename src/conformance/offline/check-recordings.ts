import { REDACTED, decodePathParams, type RequestFacts, type ResponseFacts } from '../../core/index.js';
import { OperationIndex, type LoadedSpec, type Operation } from '../../openapi/index.js';
import { SpecValidator, decodeBody, describe, validateRequest } from '../../validation/index.js';
import type { Check, CheckContext } from '../checks/check.js';
import { ALL_CHECKS } from '../checks/index.js';
import { selectChecks } from '../checks/select.js';
import { CoverageTally } from '../findings/coverage.js';
import { responseJson, type Exchange, type RequestKind } from '../findings/exchange.js';
import { FindingBook } from '../findings/finding-book.js';
import type { ReportedFinding } from '../findings/finding.js';
import type { RunEvent, RunSummary } from '../run/events.js';
import type { ConformancePlugin } from '../run/plugin.js';
import { RunTally } from '../run/run-tally.js';

/** One recorded exchange, with the origin it was sent to. */
export interface RecordedExchangeInput {
  baseUrl: string;
  request: RequestFacts;
  response: ResponseFacts;
  elapsedMs?: number;
}

export interface OfflineOptions {
  spec: LoadedSpec;
  /** Names the recordings in the summary (e.g. the HAR file). */
  source: string;
  exchanges: readonly RecordedExchangeInput[];
  checks?: readonly string[];
  excludeChecks?: readonly string[];
  /** Domain plug-ins; the problem rules of those that apply to the document are held too. */
  plugins?: readonly ConformancePlugin[];
}

// These need the network: following links, and sending requests without credentials.
const NEEDS_NETWORK = new Set(['links_resolve', 'ignored_auth']);

// The stateless checks that can judge a recording without sending anything (and without a setting).
const OFFLINE_CHECKS: readonly Check[] = ALL_CHECKS.filter((check) => !NEEDS_NETWORK.has(check.name) && check.needs === undefined);

/**
 * Runs the stateless checks over recorded exchanges with no network: the same findings, summary
 * and exit status as a live run. A recorded request that breaks the spec counts as negative data,
 * so an invalid request that was accepted is reported too.
 */
export async function* checkRecordings(options: OfflineOptions): AsyncGenerator<RunEvent> {
  const started = Date.now();
  const checks = selectChecks(OFFLINE_CHECKS, options.checks, options.excludeChecks);
  const validator = new SpecValidator(options.spec);
  const index = new OperationIndex(options.spec.operations);
  const context: CheckContext = {
    spec: options.spec,
    validator,
    // The recorder writes this in place of every secret; seeing it in an answer means a secret came back.
    secrets: [REDACTED],
    apiKeyConfigured: false,
    problemRules: (options.plugins ?? []).filter((plugin) => plugin.appliesTo(options.spec)).flatMap((plugin) => plugin.problemRules ?? []),
    send: () => Promise.reject(new Error('offline: no requests are sent')),
  };
  const operations = [...new Set(options.spec.operations.map((operation) => operation.id))];
  yield { type: 'run-started', target: options.source, seed: 0, checks: checks.map((check) => check.name), operations, readOnly: true };
  const tally = new RunTally(checks.map((check) => check.name));
  const reported: ReportedFinding[] = [];
  const book = new FindingBook((finding) => reported.push(finding));
  const coverage = new CoverageTally(options.spec.operations);
  for (const recorded of options.exchanges) {
    const match = index.match(recorded.request.method, recorded.request.path);
    if (!match?.operation || match.operation.method !== recorded.request.method.toUpperCase()) {
      coverage.noteRequest(recorded.request.method, recorded.request.path, recorded.response);
      yield { type: 'run-warned', message: `${recorded.request.method} ${recorded.request.path} is not declared in the spec; skipped` };
      continue;
    }
    tally.countRequests();
    const exchange = toExchange(validator, match.operation, match.rawParams, recorded);
    coverage.note(match.operation, recorded.request.method, recorded.response);
    for (const check of checks) {
      const list = await check.run(exchange, context);
      tally.count(check.name, list.length > 0);
      book.recordAll(list);
      for (const finding of reported.splice(0)) yield { type: 'finding-reported', finding };
    }
  }
  for (const totals of tally.all()) yield { type: 'check-progressed', ...totals };
  const summary: RunSummary = {
    target: options.source,
    seed: 0,
    checks: tally.all(),
    findings: book.all(),
    requests: tally.requests,
    durationMs: Date.now() - started,
    interrupted: false,
    cleanup: { archived: 0, failed: 0 },
    coverage: coverage.report(),
    secrets: [],
  };
  yield { type: 'run-finished', summary };
}

function toExchange(
  validator: SpecValidator,
  operation: Operation,
  rawParams: Record<string, string>,
  recorded: RecordedExchangeInput,
): Exchange {
  const { request, response } = recorded;
  return {
    operation,
    request: { ...request, url: recorded.baseUrl + request.path + (request.query ? `?${request.query}` : '') },
    response,
    ...responseJson(response),
    generatedAs: requestKind(validator, operation, rawParams, request),
    elapsedMs: recorded.elapsedMs ?? 0,
  };
}

function requestKind(
  validator: SpecValidator,
  operation: Operation,
  rawParams: Record<string, string>,
  request: RequestFacts,
): RequestKind {
  const decoded = decodePathParams(rawParams);
  if (!decoded.ok) {
    const { name } = decoded;
    return { kind: 'negative', keyword: 'format', pointer: `/path/${name}`, description: `has malformed percent-encoding in ${name}` };
  }
  const pathParams = decoded.params;
  // The body is read by the mock's own rules (media type, strict JSON): what it would refuse is invalid input.
  const body = decodeBody(operation, request.headers['content-type'], request.body?.length ? request.body : undefined, request.path);
  if (!body.ok) {
    const media = body.problem.status === 415;
    return {
      kind: 'negative',
      keyword: media ? 'contentMediaType' : 'type',
      pointer: media ? '/header/content-type' : '/body',
      description: media ? 'sends a body of a media type the operation does not declare' : 'sends a body that is not JSON',
    };
  }
  const { violations } = validateRequest(validator, operation, {
    pathParams,
    query: new URLSearchParams(request.query),
    headers: request.headers,
    body: body.body,
  });
  const first = violations[0];
  if (!first) return { kind: 'positive' };
  return {
    kind: 'negative',
    keyword: first.keyword,
    pointer: `/${first.in}${first.pointer}`,
    description: `${describe(first)} ${first.message}`,
  };
}
