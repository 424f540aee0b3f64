import { findingOf, type Finding } from '../findings/finding.js';
import type { Check } from './check.js';

// Shorter values would match by chance in ordinary bodies.
const MIN_SECRET_LENGTH = 6;

/** No credential or secret the runner sent may come back in a response header or body. */
export const secretNotEchoed: Check = {
  name: 'secret_not_echoed',
  description: 'no credential or secret the runner sent appears in a response',
  run(exchange, context) {
    const secrets = context.secrets.filter((secret) => secret.length >= MIN_SECRET_LENGTH);
    if (secrets.length === 0) return [];
    const findings: Finding[] = [];
    const body = exchange.response.body.toString('latin1');
    const places: Array<[string, string]> = [
      ['body', body],
      ...Object.entries(exchange.response.headers).map(([name, value]): [string, string] => [`header ${name}`, value]),
    ];
    for (const [where, text] of places) {
      if (!secrets.some((secret) => text.includes(secret) || text.includes(Buffer.from(secret, 'utf8').toString('latin1')))) continue;
      findings.push(
        findingOf('secret_not_echoed', exchange, {
          title: `A secret came back in the response ${where}`,
          expected: 'no credential or write-only secret in any response',
          received: `the response ${where} contains a secret the runner sent (shown as ***)`,
          key: where,
          scope: 'api',
        }),
      );
    }
    return findings;
  },
};
