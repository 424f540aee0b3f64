import { REDACTED, isSecretName } from '../core/index.js';

/** The request target for the log, with the values of secret-looking query parameters (`?token=`) masked. */
export function loggedTarget(target: string): string {
  const queryAt = target.indexOf('?');
  if (queryAt < 0) return target;
  const masked = target
    .slice(queryAt + 1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      if (eq < 0) return pair;
      let name = pair.slice(0, eq);
      try {
        name = decodeURIComponent(name.replace(/\+/g, ' '));
      } catch {
        // A malformed name is logged as sent; its value is still judged by the raw name.
      }
      return isSecretName(name) ? `${pair.slice(0, eq)}=${REDACTED}` : pair;
    });
  return `${target.slice(0, queryAt)}?${masked.join('&')}`;
}

// Under load tens of requests arrive within one millisecond; their lines share one formatted time.
let lastMs = Number.NaN;
let lastIso = '';

/** `ms` (since the epoch) as the log writes it, RFC 3339 in UTC. */
export function loggedTime(ms: number): string {
  const whole = Math.floor(ms);
  if (whole !== lastMs) {
    lastMs = whole;
    lastIso = new Date(whole).toISOString();
  }
  return lastIso;
}
