import { REDACTED } from '../core/index.js';

/**
 * Secret values shorter than this are not scrubbed from the rest of an exchange: replacing
 * every "1" or "abc" would mangle unrelated data, and such values are not credentials anyway.
 */
export const MIN_SCRUB_LENGTH = 6;

/** The set of literal secret values seen while redacting one exchange. */
export class SecretValues {
  #values = new Set<string>();

  /** Remembers one literal secret value. */
  add(value: string): void {
    const trimmed = value.trim();
    if (trimmed.length >= MIN_SCRUB_LENGTH && !trimmed.includes(REDACTED)) this.#values.add(trimmed);
  }

  /** Remembers a secret header's value and the credential inside it (`Bearer x`, cookie values). */
  addHeader(name: string, value: string): void {
    this.add(value);
    if (name === 'cookie' || name === 'set-cookie') {
      // Only cookie values are secret: their names ("session") and attributes are ordinary text.
      const pairs = name === 'cookie' ? value.split(';') : value.split(/,(?=\s*[^;,=\s]+=)/).map((cookie) => cookie.split(';')[0] ?? '');
      for (const pair of pairs) {
        const eq = pair.indexOf('=');
        if (eq > 0) this.add(pair.slice(eq + 1));
      }
      return;
    }
    const scheme = /^(\S+)\s+(\S+)$/.exec(value.trim());
    if (!scheme) return;
    this.add(scheme[2]!);
    if (scheme[1]!.toLowerCase() === 'basic') {
      const decoded = Buffer.from(scheme[2]!, 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      if (colon >= 0) this.add(decoded.slice(colon + 1));
    }
  }

  get size(): number {
    return this.#values.size;
  }

  /** Longest first, so a secret that contains another is replaced whole. */
  list(): string[] {
    return [...this.#values].sort((a, b) => b.length - a.length);
  }
}

/**
 * Replaces every occurrence of each secret (raw and percent-encoded) in a string. URL parts pass
 * `inUrl` so the marker is percent-encoded too and the URL stays valid.
 */
export function scrubString(text: string, secrets: readonly string[], inUrl = false): string {
  const marker = inUrl ? encodeURIComponent(REDACTED) : REDACTED;
  let result = text;
  for (const secret of secrets) {
    result = result.split(secret).join(marker);
    const encoded = encodeURIComponent(secret);
    if (encoded !== secret) result = result.split(encoded).join(encodeURIComponent(REDACTED));
  }
  return result;
}

/** Replaces every occurrence of each secret in raw bytes; returns the same buffer when none occurs. */
export function scrubBytes(body: Buffer, secrets: readonly string[]): Buffer {
  let result = body;
  for (const secret of secrets) {
    const needles = [secret, JSON.stringify(secret).slice(1, -1), encodeURIComponent(secret)];
    for (const needle of new Set(needles)) result = replaceBytes(result, Buffer.from(needle, 'utf8'));
  }
  return result;
}

function replaceBytes(haystack: Buffer, needle: Buffer): Buffer {
  let at = haystack.indexOf(needle);
  if (at < 0) return haystack;
  const marker = Buffer.from(REDACTED, 'utf8');
  const parts: Buffer[] = [];
  let from = 0;
  while (at >= 0) {
    parts.push(haystack.subarray(from, at), marker);
    from = at + needle.length;
    at = haystack.indexOf(needle, from);
  }
  parts.push(haystack.subarray(from));
  return Buffer.concat(parts);
}
