import { hash, timingSafeEqual } from 'node:crypto';

/**
 * Compares two secrets in constant time. Both sides are hashed first so the buffers handed to
 * timingSafeEqual have equal length and the comparison leaks neither content nor length. The
 * expected side is one of a few configured secrets (API keys, tokens), so its digest is kept: a
 * hash costs a microsecond or two, half of a token check.
 */
export function secretsEqual(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), expectedDigest(expected));
}

// One-shot: a Hash object (createHash) is a native object with a weak handle, and every one that
// dies costs the next young-generation collection a callback; checking a token on every request,
// that was about a fifth of each collection's pause.
const digest = (secret: string) => hash('sha256', secret, 'buffer');

// Bounded: emptied when full, so a mock with many secrets still keeps at most this many digests.
const MAX_EXPECTED = 1024;
const expectedDigests = new Map<string, Buffer>();

function expectedDigest(secret: string): Buffer {
  let known = expectedDigests.get(secret);
  if (known === undefined) {
    if (expectedDigests.size >= MAX_EXPECTED) expectedDigests.clear();
    expectedDigests.set(secret, (known = digest(secret)));
  }
  return known;
}

/** The credentials of an `Authorization: Bearer <token>` header (scheme case-insensitive, RFC 9110 §11.1). */
export function bearerToken(header: string | undefined): string | undefined {
  if (typeof header !== 'string') return undefined;
  const match = /^\s*bearer\s+(\S.*?)\s*$/i.exec(header);
  return match?.[1];
}
