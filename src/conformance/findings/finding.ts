import type { Violation } from '../../validation/index.js';
import type { Exchange } from './exchange.js';

/**
 * `error`: the target broke the contract. `warning`: the cause is the document (no status declared
 * for rejecting invalid input, an example that contradicts its schema, a link that cannot resolve):
 * listed as a document warning, failing the gate only with `--fail-on warning`.
 */
export type Severity = 'error' | 'warning';

/**
 * Where a cause lies: in one operation (its validation, its schema), or in something every
 * operation shares (the error writer, the auth layer, link building, the document's habits), so
 * that the same cause seen on forty operations is one finding.
 */
export type FindingScope = 'operation' | 'api';

/** A broken contract, as data. Findings with the same `check`, `key` and (unless api-wide) `operation` are one finding. */
export interface Finding {
  check: string;
  severity: Severity;
  /** Absent: `operation`. */
  scope?: FindingScope;
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

/** Another operation where an api-wide cause was seen, with its evidence and replay. */
export interface Occurrence {
  operation: string;
  evidence: Exchange[];
  replay?: Replay;
}

/** A waiver that accepts a finding: why, and until when. */
export interface WaivedBy {
  reason: string;
  /** `YYYY-MM-DD`, the last day the waiver holds. */
  expires: string;
}

/** A finding after deduplication: how often its cause was seen, where, and how to replay its minimal case. */
export interface ReportedFinding extends Finding {
  count: number;
  /** Every operation the cause was seen on, the first one (`operation`) first. */
  operations: string[];
  /** A few sightings on other operations, for an api-wide cause. */
  occurrences: Occurrence[];
  /** Absent only where nothing can be replayed. */
  replay?: Replay;
  /** Set when a waiver accepts the finding: it is shown, but does not fail the gate. */
  waived?: WaivedBy;
}

/** What a check says about one exchange; the rest of the Finding comes from the exchange. */
export interface FindingParts {
  title: string;
  expected: string;
  received: string;
  key: string;
  severity?: Severity;
  scope?: FindingScope;
  violations?: Finding['violations'];
  /** Follow-up exchanges that belong to the reproduction (e.g. the GET of a self_url). */
  more?: Exchange[];
}

/** Builds a Finding of `check` about `exchange`. */
export function findingOf(check: string, exchange: Exchange, parts: FindingParts): Finding {
  return {
    check,
    severity: parts.severity ?? 'error',
    ...(parts.scope === 'api' ? { scope: 'api' as const } : {}),
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
