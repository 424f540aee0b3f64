import type { Violation } from '../../validation/index.js';
import type { Exchange } from './exchange.js';

export type Severity = 'error' | 'warning';

/** A broken contract, as data. Findings with the same `check`, `operation` and `key` are one finding. */
export interface Finding {
  check: string;
  severity: Severity;
  /** operationId (or `METHOD /path`). */
  operation: string;
  title: string;
  expected: string;
  received: string;
  /** Distinguishes causes within one check and operation, for deduplication. */
  key: string;
  violations?: Violation[];
  /** The exchanges that show the problem, in order: the minimal reproduction. */
  evidence: Exchange[];
}

/** Where a shrunk case lives: `--seed S --replay PATH` runs exactly that case again. */
export interface Replay {
  seed: number;
  path: string;
}

/** A finding after deduplication: how often its cause was seen, and how to replay its minimal case. */
export interface ReportedFinding extends Finding {
  count: number;
  /** Absent when the case was not shrunk. */
  replay?: Replay;
}

/** What a check says about one exchange; the rest of the Finding comes from the exchange. */
export interface FindingParts {
  title: string;
  expected: string;
  received: string;
  key: string;
  severity?: Severity;
  violations?: Finding['violations'];
  /** Follow-up exchanges that belong to the reproduction (e.g. the GET of a self_url). */
  more?: Exchange[];
}

/** Builds a Finding of `check` about `exchange`. */
export function findingOf(check: string, exchange: Exchange, parts: FindingParts): Finding {
  return {
    check,
    severity: parts.severity ?? 'error',
    operation: exchange.operation.id,
    title: parts.title,
    expected: parts.expected,
    received: parts.received,
    key: parts.key,
    ...(parts.violations ? { violations: parts.violations } : {}),
    evidence: [exchange, ...(parts.more ?? [])],
  };
}

/** Array indices become `*`, so `/data/3/id` and `/data/7/id` deduplicate as one cause. */
export function pointerShape(pointer: string): string {
  return pointer.replace(/\/\d+(?=\/|$)/g, '/*');
}

/** The statuses an operation declares, for messages: `201, 400, 500`. */
export function declaredStatuses(exchange: Exchange): string {
  return exchange.operation.responses.map((response) => response.key).join(', ') || 'none';
}
