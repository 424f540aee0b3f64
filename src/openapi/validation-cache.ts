import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TOOL } from '../core/index.js';
import type { LoadWarning } from './load-warning.js';

/**
 * Remembers what loading said about a document text on this machine (its warnings, often none, and
 * whether it needed repairs), so that a restart of the mock on an unchanged document skips checking
 * it against the OpenAPI schema, which takes a fraction of a second for big documents. Keyed by a
 * hash of the text, the loader's version and the toolkit's (another release may say other things
 * about the same text).
 */
const CACHE_VERSION = 'v4';

function entryFor(text: string): string {
  const digest = createHash('sha256').update(`${CACHE_VERSION} ${TOOL.version}`).update('\0').update(text).digest('hex');
  return join(tmpdir(), 'everruns-contract', 'validated', digest);
}

/** What loading found in one document text. */
export interface LoadRecord {
  warnings: LoadWarning[];
  /** False when the document needed no repair (no broken ref, no unusable keyword), so a reload may skip looking. */
  repaired: boolean;
  /**
   * A YAML text's value, as read before any repair, when it is plain JSON data: a reload reads it
   * with JSON.parse rather than reading YAML again (the bundled 63 KB document: 57 ms → under 5).
   */
  yamlValue?: unknown;
}

/** The record of this exact text, or undefined (a cache outside our control may vanish at any time). */
export function cachedLoad(text: string): LoadRecord | undefined {
  if (process.env.EVERRUNS_CONTRACT_NO_CACHE !== undefined) return undefined;
  try {
    const entry = JSON.parse(readFileSync(entryFor(text), 'utf8')) as Partial<LoadRecord> | null;
    return Array.isArray(entry?.warnings) && typeof entry.repaired === 'boolean' ? (entry as LoadRecord) : undefined;
  } catch {
    return undefined;
  }
}

/** Records what loading found in this text; failing to record is harmless. */
export function rememberLoad(text: string, record: LoadRecord): void {
  try {
    const entry = entryFor(text);
    mkdirSync(join(entry, '..'), { recursive: true });
    writeFileSync(entry, JSON.stringify(record));
  } catch {
    // A read-only or full temp directory only costs the next start its check.
  }
}

/**
 * Whether a YAML value holds JSON data only. YAML can also give dates, NaN and Infinity, binary
 * data and cyclic aliases, which JSON would silently turn into something else, so such a document
 * is read as YAML every time.
 */
export function isJsonData(value: unknown, path = new Set<object>()): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (typeof value !== 'object' || path.has(value)) return false;
  const array = Array.isArray(value);
  const prototype = Object.getPrototypeOf(value);
  if (!array && prototype !== Object.prototype && prototype !== null) return false;
  path.add(value);
  for (const member of Object.values(value)) {
    if (!isJsonData(member, path)) return false;
  }
  path.delete(value);
  return true;
}
