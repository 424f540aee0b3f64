import type { IncomingMessage, ServerResponse } from 'node:http';
import { toProblem } from '../core/index.js';
import type { FaultKind } from './fault-kind.js';
import { readPreferences } from './prefer.js';
import { problem } from './respond.js';

/** Latency and faults for every API request (`--delay`, `--fault-rate`, `--faults`). */
export interface FaultOptions {
  /** Milliseconds added before each API request is handled; `[min, max]` draws uniformly between them. */
  delayMs?: number | readonly [number, number];
  /** The share of API requests, 0..1, answered with a fault instead. */
  rate?: number;
  /** The faults `rate` draws from, equally likely (default 500 and reset). */
  kinds?: readonly FaultKind[];
  /** Draws delays and faults; seeded with the mock's seed so a run repeats. */
  random?: () => number;
}

/** What happens to one request before it is handled. */
export interface FaultPlan {
  delayMs: number;
  fault: FaultKind | undefined;
}

/** What `rate` draws from when `kinds` is not given. */
const DEFAULT_FAULTS: readonly FaultKind[] = [500, 'reset'];

const NONE: FaultPlan = { delayMs: 0, fault: undefined };

/**
 * Plans each API request's latency and fault: `Prefer: delay=MS` / `fault=503|reset` (or
 * `?__delay=`, `?__fault=`) for this request alone, else the mock's own options. A request that
 * asks for nothing, on a mock without options, costs one header lookup.
 */
export function createFaultPlanner(options: FaultOptions = {}): (req: IncomingMessage) => FaultPlan {
  const random = options.random ?? Math.random;
  const kinds = options.kinds && options.kinds.length > 0 ? options.kinds : DEFAULT_FAULTS;
  const rate = options.rate ?? 0;
  const [low, high] = typeof options.delayMs === 'number' ? [options.delayMs, options.delayMs] : (options.delayMs ?? [0, 0]);
  const configured = rate > 0 || high > 0;
  return (req) => {
    const target = req.url ?? '/';
    const prefer = req.headers.prefer;
    const asks = prefer !== undefined || target.includes('__delay=') || target.includes('__fault=');
    if (!configured && !asks) return NONE;
    const queryAt = target.indexOf('?');
    const preferences = asks
      ? readPreferences(
          Array.isArray(prefer) ? prefer.join(', ') : prefer,
          new URLSearchParams(queryAt < 0 ? '' : target.slice(queryAt + 1)),
        )
      : {};
    const delayMs = preferences.delay ?? (high > 0 ? Math.round(low + random() * (high - low)) : 0);
    const fault = preferences.fault ?? (rate > 0 && random() < rate ? kinds[Math.floor(random() * kinds.length)] : undefined);
    return delayMs === 0 && fault === undefined ? NONE : { delayMs, fault };
  };
}

/** A fault instead of the answer: a 5xx problem, or the connection reset with a TCP RST; returns the status (0 for a reset). */
export function answerFault(req: IncomingMessage, res: ServerResponse, fault: number | 'reset'): number {
  req.resume();
  if (fault === 'reset') {
    req.socket.resetAndDestroy();
    return 0;
  }
  const path = (req.url ?? '/').split('?')[0]!;
  return problem(
    res,
    toProblem('fault_injected', `a fault injected by the mock (--fault-rate, or Prefer: fault=${fault})`, {
      status: fault,
      instance: path,
    }),
  );
}
