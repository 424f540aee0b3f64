import type { Exchange } from '../findings/exchange.js';
import type { Mismatch } from './mismatch.js';
import type { StatefulOptions } from './options.js';

/** The failing sequence fast-check saw last: after shrinking, that is the minimal reproduction. */
export interface RecordedFailure {
  mismatch: Mismatch;
  exchanges: Exchange[];
  steps: string[];
  secrets: string[];
}

/** What the sequences of one property share: options, the rules in force, counters, the last failure. */
export interface StatefulSession {
  options: StatefulOptions;
  /** The target's base URL without a trailing slash. */
  base: string;
  /** Enabled checks minus those already reported in an earlier round. */
  enforced: ReadonlySet<string>;
  /** Distinguishes this run's tokens and names from any other run's. */
  tag: string;
  requests: number;
  tokens: number;
  failure?: RecordedFailure;
  /** Set when the target could not be reached; the property stops sending. */
  transportError?: string;
}
