// What replaces a secret in every report and message.
const MASK = '***';

// Shorter values would blank out ordinary text; the runner's own tokens are long.
const MIN_MASKED_LENGTH = 3;

/** Replaces every occurrence of every secret (also in its JSON-escaped and percent-encoded forms) with `***`. */
export function maskSecrets(text: string, secrets: readonly string[]): string {
  const forms = new Set<string>();
  for (const secret of secrets) {
    if (secret.length < MIN_MASKED_LENGTH) continue;
    forms.add(secret);
    forms.add(JSON.stringify(secret).slice(1, -1));
    forms.add(encodeURIComponent(secret));
  }
  // Longest first, so a secret that contains another is masked whole.
  let masked = text;
  for (const form of [...forms].sort((a, b) => b.length - a.length)) masked = masked.split(form).join(MASK);
  return masked;
}
