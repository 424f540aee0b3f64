import { createHash, timingSafeEqual } from 'node:crypto';
import { problemResponse } from './problems.js';
import type { AppsEnvironment, AppsResponse } from './types.js';

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

/** The 401 for a management request without the configured API key, or undefined when it may pass. */
export function checkApiKey(env: AppsEnvironment, headers: Record<string, string | undefined>, instance: string): AppsResponse | undefined {
  const key = env.apiKey;
  if (key === undefined || key === '') return undefined;
  const token = bearerToken(headers['authorization']);
  if (token !== undefined && secretsEqual(token, key)) return undefined;
  const detail =
    token === undefined
      ? 'This server requires an API key: send Authorization: Bearer <key>.'
      : 'The API key in the Authorization header is not valid.';
  // RFC 9110 §15.5.2: a 401 carries a challenge.
  return problemResponse('unauthorized', detail, instance, {
    headers: { 'www-authenticate': 'Bearer realm="everruns"' },
    allowed_actions: [{ rel: 'retry', hint: 'Send Authorization: Bearer <your API key> and retry.' }],
  });
}
