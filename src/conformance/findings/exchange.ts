import { isJsonMediaType, type RequestFacts, type ResponseFacts } from '../../core/index.js';
import type { Operation } from '../../openapi/index.js';

/** How a request was generated: valid data, one mutation away from valid, or with missing or wrong credentials. */
export type RequestKind =
  { kind: 'positive' } | { kind: 'negative'; keyword: string; pointer: string; description: string } | { kind: 'auth'; variant: string };

/** One request the runner sent (or a recording holds) and what came back, with everything a check may need. */
export interface Exchange {
  operation: Operation;
  /** `url` is the absolute URL that was requested. */
  request: RequestFacts & { url: string };
  response: ResponseFacts;
  /** The body parsed as JSON when it claims to be JSON; `parseError` when that failed. */
  json?: unknown;
  parseError?: string;
  generatedAs: RequestKind;
  /**
   * The path parameters whose value the target never handed out (made up by the generator) or
   * belongs to a resource the run deleted: a 404 is then the contract's own answer. Absent when
   * the runner cannot tell (a recording).
   */
  unknownIds?: readonly string[];
  elapsedMs: number;
}

/** The body of an answer parsed as JSON when its Content-Type says JSON: what an exchange's `json` or `parseError` holds. */
export function responseJson(response: ResponseFacts): Pick<Exchange, 'json' | 'parseError'> {
  if (response.body.length === 0 || !isJsonMediaType(response.headers['content-type'])) return {};
  try {
    return { json: JSON.parse(response.body.toString('utf8')) };
  } catch (error) {
    return { parseError: (error as Error).message };
  }
}
