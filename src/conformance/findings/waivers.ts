import { UsageError } from '../../core/index.js';
import type { ReportedFinding } from './finding.js';

/**
 * A team's acceptance of a known finding: the check, optionally one operation and one cause (the
 * `key` printed with the finding), why, and the last day it holds. An expired waiver no longer
 * applies and is reported itself.
 */
export interface Waiver {
  check: string;
  /** Absent or `*`: every operation. */
  operation?: string;
  /** Absent: every cause of the check. */
  key?: string;
  reason: string;
  /** `YYYY-MM-DD`, inclusive. */
  expires: string;
}

/** A waiver after a run: whether it still held, and how many findings it accepted. */
export interface WaiverStatus extends Waiver {
  state: 'active' | 'expired';
  matched: number;
}

const FIELDS = new Set(['check', 'operation', 'key', 'reason', 'expires']);

/**
 * The waivers of a parsed waivers file: a list, or `{ waivers: [...] }`. Every problem is a usage
 * error naming the entry and the field, so a typo never silently waives nothing.
 */
export function readWaivers(value: unknown, source: string): Waiver[] {
  const list = Array.isArray(value) ? value : isRecord(value) && Array.isArray(value['waivers']) ? value['waivers'] : undefined;
  if (!list) throw new UsageError(`${source}: expected a list of waivers (or { waivers: [...] })`);
  return list.map((entry, index) => {
    const at = `${source}: waiver ${index + 1}`;
    if (!isRecord(entry)) throw new UsageError(`${at} is not an object`);
    const unknown = Object.keys(entry).filter((field) => !FIELDS.has(field));
    if (unknown.length > 0) throw new UsageError(`${at} has unknown field ${unknown.join(', ')} (known: ${[...FIELDS].join(', ')})`);
    const text = (field: string, required: boolean): string | undefined => {
      const found = entry[field];
      if (found === undefined && !required) return undefined;
      if (typeof found !== 'string' || found.trim() === '') throw new UsageError(`${at} needs a non-empty "${field}"`);
      return found.trim();
    };
    const waiver: Waiver = { check: text('check', true)!, reason: text('reason', true)!, expires: expiry(entry['expires'], at) };
    const operation = text('operation', false);
    const key = text('key', false);
    return { ...waiver, ...(operation && operation !== '*' ? { operation } : {}), ...(key ? { key } : {}) };
  });
}

/** Refuses waivers of checks the run does not know. */
export function checkWaiverNames(waivers: readonly Waiver[], known: readonly string[]): void {
  const unknown = [...new Set(waivers.map((waiver) => waiver.check).filter((check) => !known.includes(check)))];
  if (unknown.length > 0) throw new UsageError(`waivers name unknown check ${unknown.join(', ')}; valid checks: ${known.join(', ')}`);
}

/** Marks the findings the waivers accept (on `today`, `YYYY-MM-DD`) and says what became of each waiver. */
export function applyWaivers(findings: readonly ReportedFinding[], waivers: readonly Waiver[], today: string): WaiverStatus[] {
  const statuses: WaiverStatus[] = waivers.map((waiver) => ({
    ...waiver,
    state: today > waiver.expires ? 'expired' : 'active',
    matched: 0,
  }));
  for (const finding of findings) {
    const status = statuses.find((entry) => entry.state === 'active' && matches(entry, finding));
    if (!status) continue;
    status.matched += 1;
    finding.waived = { reason: status.reason, expires: status.expires };
  }
  return statuses;
}

/** The UTC date of an instant, as waivers write it. */
export function dayOf(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}

function matches(waiver: Waiver, finding: ReportedFinding): boolean {
  if (waiver.check !== finding.check) return false;
  if (waiver.key !== undefined && waiver.key !== finding.key) return false;
  return waiver.operation === undefined || finding.operations.includes(waiver.operation);
}

// YAML reads an unquoted 2026-06-30 as a timestamp; JSON and quoted YAML give the text.
function expiry(value: unknown, at: string): string {
  const text = value instanceof Date && !Number.isNaN(value.getTime()) ? dayOf(value) : value;
  const day = typeof text === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(text) ? new Date(`${text}T00:00:00Z`) : undefined;
  // A day that does not exist (02-30) rolls over to another; reading it back tells.
  if (typeof text !== 'string' || !day || Number.isNaN(day.getTime()) || dayOf(day) !== text) {
    throw new UsageError(`${at} needs "expires" as a date, YYYY-MM-DD (a waiver without an end is a finding forgotten)`);
  }
  return text;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
