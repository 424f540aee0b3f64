import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Compares two secrets in constant time. Both sides are hashed first so the buffers handed to
 * timingSafeEqual have equal length and the comparison leaks neither content nor length.
 */
export function secretsEqual(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given, 'utf8').digest();
  const b = createHash('sha256').update(expected, 'utf8').digest();
  return timingSafeEqual(a, b);
}

/** The credentials of an `Authorization: Bearer <token>` header (scheme case-insensitive, RFC 9110 §11.1). */
export function bearerToken(header: string | undefined): string | undefined {
  if (typeof header !== 'string') return undefined;
  const match = /^\s*bearer\s+(\S.*?)\s*$/i.exec(header);
  return match?.[1];
}
