import type { RequestFacts, ResponseFacts } from '../core/index.js';

/** Recorded answers, looked up before routing; the CLI adapts the HAR player to this. */
export interface PlaybackSource {
  answer(request: RequestFacts): ResponseFacts | undefined;
  /** Why nothing matched, naming the closest recordings. */
  describeMiss(request: RequestFacts): string;
  /** True: a miss is a 404 problem; false: it falls through to the mock. */
  strict: boolean;
}
