import type { HeaderMap } from '../core/index.js';
import { resolveRef, type LoadedSpec } from '../openapi/index.js';
import type { HttpClient } from '../transport/index.js';
import type { SpecValidator } from '../validation/index.js';
import type { Check } from './check.js';
import type { RunEvent } from './events.js';
import { FindingBook } from './finding-book.js';
import { IdPool } from './id-pool.js';
import type { RunEnv } from './run-env.js';
import { primarySchemes } from './security.js';

export interface EnvInput {
  spec: LoadedSpec;
  validator: SpecValidator;
  client: HttpClient;
  baseUrl: string;
  seed: number;
  headers?: HeaderMap | undefined;
  apiKey?: string | undefined;
  vars?: Readonly<Record<string, string>> | undefined;
  checks: readonly Check[];
  readOnly: boolean;
  maxRetries: number;
  stopped(): boolean;
  emit(event: RunEvent): void;
}

/** Builds the state one run shares: credentials (lower-cased, all of them secrets), pool, book and totals. */
export function createRunEnv(input: EnvInput): RunEnv {
  const { spec } = input;
  const credentials: HeaderMap = {
    ...Object.fromEntries(Object.entries(input.headers ?? {}).map(([name, value]) => [name.toLowerCase(), value])),
    ...(input.apiKey ? { authorization: `Bearer ${input.apiKey}` } : {}),
  };
  return {
    spec,
    validator: input.validator,
    ctx: { dialect: spec.version === '3.0' ? 'oas30' : 'oas31', resolveRef: (ref) => resolveRef(spec.document, ref) },
    client: input.client,
    pool: new IdPool(spec.operations, input.validator),
    book: new FindingBook(),
    baseUrl: input.baseUrl,
    seed: input.seed,
    vars: input.vars ?? {},
    credentials,
    secrets: Object.values(credentials).flatMap((value) => [value, value.replace(/^Bearer\s+/i, '')]),
    apiKeyConfigured: input.apiKey !== undefined,
    checks: input.checks,
    namePrefix: `conform-${input.seed}-`,
    readOnly: input.readOnly,
    tokens: new Map(),
    primarySchemes: primarySchemes(spec.document),
    created: [],
    deferred: [],
    totals: new Map(input.checks.map((check) => [check.name, { check: check.name, passed: 0, failed: 0 }])),
    requests: 0,
    maxRetries: input.maxRetries,
    stopped: input.stopped,
    emit: input.emit,
  };
}
