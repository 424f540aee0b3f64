import { bearerToken, secretsEqual } from '../../core/index.js';
import { problemResponse } from './problems.js';
import type { AppsEnvironment, AppsResponse } from './types.js';

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
