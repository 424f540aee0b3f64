import type { ConformanceOptions } from '../../../src/conformance/index.js';
import { editJson, json, type Answer, type Bug, type Seen } from './front.js';

/** A planted bug and the check that must report it. */
export interface PlantedBug {
  name: string;
  check: string;
  /** Other checks the same bug rightly breaks (an error as application/json is also an undeclared media type). */
  also?: string[];
  /** A fresh bug per server, so state such as remembered tokens does not leak between tests. */
  bug: () => Bug;
  /** What the run needs for the check to run at all (max_response_time's limit). */
  options?: Partial<ConformanceOptions>;
}

type Json = Record<string, unknown>;
const isApp = (value: unknown): value is Json =>
  value !== null &&
  typeof value === 'object' &&
  typeof (value as Json).id === 'string' &&
  ((value as Json).id as string).startsWith('app_');

const dropRequiredField = (): Bug => ({
  after: (_seen, answer) =>
    editJson(answer, (value) => {
      if (isApp(value)) delete value.harness_id;
      return value;
    }),
});

const okInsteadOfCreated = (): Bug => ({
  after: (seen, answer) =>
    seen.method === 'POST' && seen.path === '/v1/apps' && answer.status === 201 ? { ...answer, status: 200 } : answer,
});

/** Every error as application/json instead of problem+json: one error writer, one bug. */
export const errorsAsPlainJson = (): Bug => ({
  after: (_seen, answer) =>
    answer.status >= 400 ? { ...answer, headers: { ...answer.headers, 'content-type': 'application/json' } } : answer,
});

const problemStatusDisagrees = (): Bug => ({
  after: (_seen, answer) =>
    answer.status >= 400 ? editJson(answer, (value) => ({ ...(value as Json), status: answer.status === 404 ? 410 : 404 })) : answer,
});

const serverErrorOnInvalidInput = (): Bug => ({
  after: (_seen, answer) =>
    answer.status === 400
      ? json(500, { title: 'Internal Server Error', status: 500, detail: 'unhandled validation error' }, 'application/problem+json')
      : answer,
});

const webhookIgnoresToken = (): Bug => ({
  after: (seen, answer) =>
    seen.path.includes('/webhooks/') && answer.status === 401
      ? json(202, { accepted: true, created_session: true, session_id: 'session_0193a3b5c0de70008000000000000abc' })
      : answer,
});

const tokenEchoed = (): Bug => {
  const tokens: string[] = [];
  return {
    after: (seen: Seen, answer: Answer) => {
      const sent = /"token"\s*:\s*"([^"]+)"/.exec(seen.body.toString('utf8'))?.[1];
      if (sent) tokens.push(sent);
      const last = tokens[tokens.length - 1];
      if (!last) return answer;
      return editJson(answer, (value) => {
        const channels = isApp(value) ? (value.channels as Array<{ channel_config?: Json }> | undefined) : undefined;
        for (const channel of channels ?? []) if (channel.channel_config) channel.channel_config.token = last;
        return value;
      });
    },
  };
};

/** A self_url naming another app than the one it belongs to. */
export const selfUrlElsewhere = (): Bug => ({
  after: (_seen, answer) =>
    editJson(answer, (value) => {
      if (isApp(value) && typeof value.self_url === 'string')
        value.self_url = value.self_url.replace(/app_[0-9a-f]{32}/, 'app_ffffffffffffffffffffffffffffffff');
      return value;
    }),
});

const invalidQueryAccepted = (): Bug => ({
  after: (seen, answer) => (seen.method === 'GET' && seen.path === '/v1/apps' && answer.status === 400 ? json(200, { data: [] }) : answer),
});

/** Errors offer a follow-up outside the Apps API's closed vocabulary of rels. */
export const unknownRel = (): Bug => ({
  after: (_seen, answer) =>
    answer.status >= 400 ? editJson(answer, (value) => ({ ...(value as Json), allowed_actions: [{ rel: 'teleport', hint: 'Beam up.' }] })) : answer,
});

// Slow on the same requests every time, so a finding reproduces: the read of an app the target
// does not hold takes its time to say 404 (a lookup that misses its cache). Reads of apps that exist
// stay fast, however often a run reads the one app it created.
const SLOW_MS = 600;
const slowReads = (): Bug => ({
  before: async (seen, forward) => {
    if (seen.method !== 'GET' || !/^\/v1\/apps\/[^/]+$/.test(seen.path)) return undefined;
    const answer = await forward(seen.method, seen.url, seen.headers, seen.body);
    if (answer.status === 404) await new Promise((resolve) => setTimeout(resolve, SLOW_MS));
    return answer;
  },
});

/** One small server per bug; each wraps the real mock and breaks one rule of the contract. */
export const CATALOGUE: readonly PlantedBug[] = [
  { name: 'a dropped required field', check: 'response_schema_conformance', bug: dropRequiredField },
  { name: 'a 200 where 201 is declared', check: 'status_code_conformance', bug: okInsteadOfCreated },
  { name: 'errors as application/json', check: 'problem_json_conformance', also: ['content_type_conformance'], bug: errorsAsPlainJson },
  { name: 'a problem body whose status disagrees', check: 'problem_json_conformance', bug: problemStatusDisagrees },
  { name: 'an allowed_actions rel outside the vocabulary', check: 'problem_json_conformance', also: ['response_schema_conformance'], bug: unknownRel },
  { name: 'a 5xx on invalid input', check: 'not_a_server_error', bug: serverErrorOnInvalidInput },
  { name: 'a webhook that ignores its token', check: 'ignored_auth', bug: webhookIgnoresToken },
  { name: 'a token echoed back', check: 'secret_not_echoed', bug: tokenEchoed },
  { name: 'a self_url that points elsewhere', check: 'links_resolve', bug: selfUrlElsewhere },
  { name: 'an invalid list query answered with an empty list', check: 'negative_data_rejection', bug: invalidQueryAccepted },
  { name: 'reads slower than the limit', check: 'max_response_time', bug: slowReads, options: { maxResponseTimeMs: 300 } },
];
