import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LoadWarning } from './load-warning.js';

/**
 * Remembers what loading said about a document text on this machine (its warnings, often none), so
 * that a restart of the mock on an unchanged document skips checking it against the OpenAPI
 * schema, which takes a second for big documents. Keyed by a hash of the text and the loader's
 * version.
 */
const CACHE_VERSION = 'v2';
// Another release may say other things about the same text.
const PACKAGE_VERSION = packageVersion();

function packageVersion(): string {
  try {
    return (createRequire(import.meta.url)('../../package.json') as { version: string }).version;
  } catch {
    // Compiled somewhere other than dist/ (the APIs.guru bench): the cache version alone keys it.
    return 'unknown';
  }
}

function entryFor(text: string): string {
  const digest = createHash('sha256').update(`${CACHE_VERSION} ${PACKAGE_VERSION}`).update('\0').update(text).digest('hex');
  return join(tmpdir(), 'everruns-contract', 'validated', digest);
}

/** The warnings remembered for this exact text, or undefined (a cache outside our control may vanish at any time). */
export function cachedWarnings(text: string): LoadWarning[] | undefined {
  if (process.env.EVERRUNS_CONTRACT_NO_CACHE !== undefined) return undefined;
  try {
    const entry = JSON.parse(readFileSync(entryFor(text), 'utf8')) as unknown;
    return Array.isArray(entry) ? (entry as LoadWarning[]) : undefined;
  } catch {
    return undefined;
  }
}

/** Records the warnings of this text; failing to record is harmless. */
export function rememberWarnings(text: string, warnings: readonly LoadWarning[]): void {
  try {
    const entry = entryFor(text);
    mkdirSync(join(entry, '..'), { recursive: true });
    writeFileSync(entry, JSON.stringify(warnings));
  } catch {
    // A read-only or full temp directory only costs the next start its check.
  }
}
