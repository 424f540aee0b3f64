import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Remembers which document texts swagger-parser has already accepted on this machine, so that a
 * restart of the mock on an unchanged document skips the second-long validation of big documents.
 * Keyed by a hash of the text and the loader's version; only successes are remembered.
 */
const CACHE_VERSION = 'v1';

function markerFor(text: string): string {
  const digest = createHash('sha256').update(CACHE_VERSION).update('\0').update(text).digest('hex');
  return join(tmpdir(), 'everruns-contract', 'validated', digest);
}

/** True when this exact text was validated before (a cache outside our control may vanish at any time). */
export function wasValidated(text: string): boolean {
  return process.env.EVERRUNS_CONTRACT_NO_CACHE === undefined && existsSync(markerFor(text));
}

/** Records that this text passed validation; failing to record is harmless. */
export function rememberValidated(text: string): void {
  try {
    const marker = markerFor(text);
    mkdirSync(join(marker, '..'), { recursive: true });
    writeFileSync(marker, '');
  } catch {
    // A read-only or full temp directory only costs the next start its validation.
  }
}
