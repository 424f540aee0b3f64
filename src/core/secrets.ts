/** The marker that stands in for a secret wherever one was taken out (recordings, template contexts). */
export const REDACTED = '[REDACTED]';

// Credentials by any of their usual names: `Authorization`, cookies, tokens, secrets, passwords,
// API keys, credentials, private keys and signatures (AWS's `X-Amz-Signature`), and the bare `key`
// and `sig` query parameters (Google's `key`), in headers, JSON fields and query parameters.
const SECRET_NAME = /authorization|cookie|token|secret|passw(?:or)?d|api[-_]?key|credential|private[-_]?key|signature|^(?:key|sig)$/i;

/** True when a header, field or parameter of this name carries a secret. */
export function isSecretName(name: string): boolean {
  return SECRET_NAME.test(name);
}
