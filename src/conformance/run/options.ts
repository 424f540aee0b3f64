import type { Dispatcher } from 'undici';
import type { HeaderMap } from '../../core/index.js';
import type { LoadedSpec } from '../../openapi/index.js';
import type { Check } from '../checks/check.js';
import type { OperationFilter } from './operation-filter.js';
import type { Severity } from '../findings/finding.js';
import type { Waiver } from '../findings/waivers.js';
import type { ConformancePlugin } from './plugin.js';

/** Options of one conformance run; only `spec` and `target` are required. */
export interface ConformanceOptions {
  spec: LoadedSpec;
  /** Base URL of the deployment under test; a userinfo part is sent as Basic credentials and masked everywhere. */
  target: string;
  /**
   * The base the deployment's canonical links name when it is not the target (a deployment behind a
   * gateway, say): a `self_url` under it is followed on the target.
   */
  linkBase?: string;
  /** Extra headers sent with every request (credentials: masked in every report). */
  headers?: HeaderMap;
  /** Sent as `Authorization: Bearer KEY`; its presence also means a missing or wrong key must get 401. */
  apiKey?: string;
  /** Generated requests per operation and mode (positive, negative); default 100. */
  runs?: number;
  seed?: number;
  /** A replay path printed with a finding: runs only that case. */
  replay?: string;
  checks?: readonly string[];
  excludeChecks?: readonly string[];
  /** Only these operationIds (default: all); lets a vitest campaign split the document across files. */
  operations?: readonly string[];
  /** Operations to include or exclude by operationId, path and tag (`--include-tag`…); the stateful phases run only when it leaves out none. */
  filter?: OperationFilter;
  /** The slowest answer allowed, in ms: `max_response_time` runs only when this is set. */
  maxResponseTimeMs?: number;
  /** The registry to choose from (default ALL_CHECKS). */
  availableChecks?: readonly Check[];
  /** Domain plug-ins (the Apps rules); each is engaged only for the documents it applies to. */
  plugins?: readonly ConformancePlugin[];
  timeoutMs?: number;
  rate?: number;
  concurrency?: number;
  maxDurationMs?: number;
  readOnly?: boolean;
  vars?: Readonly<Record<string, string>>;
  /** Ctrl-C: stops generating, then archives what the run created. */
  signal?: AbortSignal;
  dispatcher?: Dispatcher;
  maxBodyBytes?: number;
  maxRetries?: number;
  maxRetryWaitMs?: number;
  /** Accepted findings (`--waivers`): shown as waived, never failing the gate, until they expire. */
  waivers?: readonly Waiver[];
  /** The least severity that fails the gate: `error` (default), or `warning` to fail on document warnings too. */
  failOn?: Severity;
  /** The clock waivers expire by (default: now). */
  now?: () => Date;
}
