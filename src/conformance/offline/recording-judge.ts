import { REDACTED, type RequestFacts, type ResponseFacts } from '../../core/index.js';
import { OperationIndex, type LoadedSpec, type Operation } from '../../openapi/index.js';
import type { SpecValidator } from '../../validation/index.js';
import type { Check, CheckContext } from '../checks/check.js';
import { ALL_CHECKS } from '../checks/index.js';
import { selectChecks } from '../checks/select.js';
import { responseJson, type Exchange } from '../findings/exchange.js';
import type { Finding } from '../findings/finding.js';
import { requestKindOf } from '../findings/request-kind.js';
import type { ConformancePlugin } from '../run/plugin.js';
import { specValidatorOf } from '../run/spec-validator-of.js';

/** One recorded exchange, with the origin it was sent to. */
export interface RecordedExchangeInput {
  baseUrl: string;
  request: RequestFacts;
  response: ResponseFacts;
  elapsedMs?: number;
}

export interface RecordingJudgeOptions {
  spec: LoadedSpec;
  checks?: readonly string[];
  excludeChecks?: readonly string[];
  /** Domain plug-ins; the problem rules of those that apply to the document are held too. */
  plugins?: readonly ConformancePlugin[];
}

/** What the checks made of one recorded exchange; no exchange when the document declares no such operation. */
export interface Judged {
  exchange?: Exchange;
  /** Each enabled check's findings, in check order. */
  results: Array<{ check: string; findings: Finding[] }>;
}

/** Holds recorded exchanges against the stateless checks that need no network. */
export interface RecordingJudge {
  readonly checks: readonly Check[];
  judge(recorded: RecordedExchangeInput): Promise<Judged>;
}

// These need the network: following links, and sending requests without credentials.
const NEEDS_NETWORK = new Set(['links_resolve', 'ignored_auth']);

/** The stateless checks that can judge a recording without sending anything (and without a setting). */
export const OFFLINE_CHECKS: readonly Check[] = ALL_CHECKS.filter((check) => !NEEDS_NETWORK.has(check.name) && check.needs === undefined);

/**
 * The one judgement of recorded exchanges: `conform --har` over a recording and `record` as it
 * proxies both hold each exchange to it, so they never disagree. A recorded request that breaks
 * the document counts as invalid input, so an invalid request that was accepted is reported too.
 */
export function createRecordingJudge(options: RecordingJudgeOptions): RecordingJudge {
  const checks = selectChecks(OFFLINE_CHECKS, options.checks, options.excludeChecks);
  const validator = specValidatorOf(options.spec);
  const index = new OperationIndex(options.spec.operations);
  const context: CheckContext = {
    spec: options.spec,
    validator,
    // The recorder writes this in place of every secret; seeing it in an answer means a secret came back.
    secrets: [REDACTED],
    apiKeyConfigured: false,
    problemRules: (options.plugins ?? []).filter((plugin) => plugin.appliesTo(options.spec)).flatMap((plugin) => plugin.problemRules ?? []),
    target: '',
    send: () => Promise.reject(new Error('offline: no requests are sent')),
  };
  return {
    checks,
    async judge(recorded) {
      const match = index.match(recorded.request.method, recorded.request.path);
      if (!match?.operation || match.operation.method !== recorded.request.method.toUpperCase()) return { results: [] };
      const exchange = toExchange(validator, match.operation, match.rawParams, recorded);
      const results: Judged['results'] = [];
      for (const check of checks) results.push({ check: check.name, findings: await check.run(exchange, context) });
      return { exchange, results };
    },
  };
}

function toExchange(
  validator: SpecValidator,
  operation: Operation,
  rawPathParams: Record<string, string>,
  recorded: RecordedExchangeInput,
): Exchange {
  const { request, response } = recorded;
  return {
    operation,
    request: { ...request, url: recorded.baseUrl + request.path + (request.query ? `?${request.query}` : '') },
    response,
    ...responseJson(response),
    generatedAs: requestKindOf(validator, operation, {
      path: request.path,
      rawPathParams,
      query: request.query,
      headers: request.headers,
      body: request.body,
    }),
    elapsedMs: recorded.elapsedMs ?? 0,
  };
}
