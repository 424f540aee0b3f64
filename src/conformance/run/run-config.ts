import type { HeaderMap } from '../../core/index.js';
import type { SchemaContext } from '../../generate/index.js';
import { resolveRef, type LoadedSpec } from '../../openapi/index.js';
import type { HttpClient } from '../../transport/index.js';
import type { SpecValidator } from '../../validation/index.js';
import type { Check } from '../checks/check.js';
import type { ProblemRule } from '../checks/problem-rule.js';
import type { RunEvent } from './events.js';
import { primarySchemes } from './security.js';

/** What is fixed for one run: its configuration, the document and the transport. */
export interface RunConfig {
  readonly spec: LoadedSpec;
  readonly validator: SpecValidator;
  /** How the generators read the document's schemas (dialect, `$ref`s). */
  readonly schemas: SchemaContext;
  readonly client: HttpClient;
  /** The target's base URL, without a trailing slash (nor userinfo). */
  readonly baseUrl: string;
  /** `--link-base`, without a trailing slash. */
  readonly linkBase: string | undefined;
  readonly seed: number;
  readonly vars: Readonly<Record<string, string>>;
  /** User headers and the API key, names lower-cased: sent with every request, masked everywhere. */
  readonly credentials: HeaderMap;
  readonly apiKeyConfigured: boolean;
  /** The stateless checks that are enabled. */
  readonly checks: readonly Check[];
  /** The plug-ins' rules for problem bodies. */
  readonly problemRules: readonly ProblemRule[];
  /** Prefixed to the `name` of anything the run creates, so leftovers are recognisable. */
  readonly namePrefix: string;
  readonly readOnly: boolean;
  /** The document-wide security schemes (the API key), as opposed to a resource's own token. */
  readonly primarySchemes: ReadonlySet<string>;
  readonly maxRetries: number;
  /** The slowest answer max_response_time allows, in ms. */
  readonly maxResponseTimeMs: number | undefined;
  /** True once Ctrl-C or --max-duration says to stop generating. */
  stopped(): boolean;
  emit(event: RunEvent): void;
}

/** What a run is configured from. */
export interface RunConfigInput {
  spec: LoadedSpec;
  validator: SpecValidator;
  client: HttpClient;
  baseUrl: string;
  linkBase?: string | undefined;
  seed: number;
  headers?: HeaderMap | undefined;
  apiKey?: string | undefined;
  vars?: Readonly<Record<string, string>> | undefined;
  checks: readonly Check[];
  problemRules: readonly ProblemRule[];
  readOnly: boolean;
  maxRetries: number;
  maxResponseTimeMs?: number | undefined;
  stopped(): boolean;
  emit(event: RunEvent): void;
}

/** Fixes a run's configuration: credentials lower-cased (the API key as a bearer token), the schema context, the name prefix. */
export function createRunConfig(input: RunConfigInput): RunConfig {
  const { spec } = input;
  return {
    spec,
    validator: input.validator,
    schemas: { dialect: spec.version === '3.0' ? 'oas30' : 'oas31', resolveRef: (ref) => resolveRef(spec.document, ref) },
    client: input.client,
    baseUrl: input.baseUrl,
    linkBase: input.linkBase?.replace(/\/+$/, ''),
    seed: input.seed,
    vars: input.vars ?? {},
    credentials: {
      ...Object.fromEntries(Object.entries(input.headers ?? {}).map(([name, value]) => [name.toLowerCase(), value])),
      ...(input.apiKey ? { authorization: `Bearer ${input.apiKey}` } : {}),
    },
    apiKeyConfigured: input.apiKey !== undefined,
    checks: input.checks,
    problemRules: input.problemRules,
    namePrefix: `conform-${input.seed}-`,
    readOnly: input.readOnly,
    primarySchemes: primarySchemes(spec.document),
    maxRetries: input.maxRetries,
    maxResponseTimeMs: input.maxResponseTimeMs,
    stopped: input.stopped,
    emit: input.emit,
  };
}
