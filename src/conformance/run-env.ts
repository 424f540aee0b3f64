import type { HeaderMap } from '../core/index.js';
import type { SchemaContext } from '../generate/index.js';
import type { LoadedSpec, Operation } from '../openapi/index.js';
import type { HttpClient } from '../transport/index.js';
import type { SpecValidator } from '../validation/index.js';
import type { Check, Finding } from './check.js';
import type { CheckTotals, RunEvent } from './events.js';
import type { FindingBook } from './finding-book.js';
import type { IdPool } from './id-pool.js';

/** A resource the run created and will archive at the end. */
export interface CreatedResource {
  /** The DELETE operation that archives it. */
  operation: Operation;
  pathParams: Record<string, string>;
}

/** Everything one run shares between its steps. */
export interface RunEnv {
  spec: LoadedSpec;
  validator: SpecValidator;
  ctx: SchemaContext;
  client: HttpClient;
  pool: IdPool;
  book: FindingBook;
  baseUrl: string;
  seed: number;
  vars: Readonly<Record<string, string>>;
  /** User headers and the API key: sent with every request, masked everywhere. */
  credentials: HeaderMap;
  /** Every credential and token the run sent; grows as the run creates tokens. */
  secrets: string[];
  apiKeyConfigured: boolean;
  checks: readonly Check[];
  namePrefix: string;
  readOnly: boolean;
  /** Resource tokens the run set (a webhook channel's id → its token). */
  tokens: Map<string, string>;
  primarySchemes: ReadonlySet<string>;
  created: CreatedResource[];
  totals: Map<string, CheckTotals>;
  /** Findings of set-up requests, recorded after generation unless it met them too. */
  deferred: Finding[];
  requests: number;
  maxRetries: number;
  /** True once Ctrl-C or --max-duration says to stop generating. */
  stopped(): boolean;
  emit(event: RunEvent): void;
}
