import type { ResponseFacts } from '../../../../core/index.js';
import type { AppsMismatch } from '../checks.js';

/** Any secret the client ever sent that comes back in a header or the body (§3: secrets are write-only). */
export function echoedSecrets(secrets: ReadonlySet<string>, response: ResponseFacts, where: string): AppsMismatch[] {
  if (secrets.size === 0) return [];
  const text = response.body.toString('utf8') + '\n' + Object.values(response.headers).join('\n');
  for (const secret of secrets) {
    if (text.includes(secret)) {
      return [
        {
          check: 'read_your_writes',
          title: `${where} echoes a secret the client sent`,
          expected: 'no secret in any header or body',
          received: 'a channel token in the response',
          key: 'secret:echoed',
        },
      ];
    }
  }
  return [];
}
