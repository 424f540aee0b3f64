import type { HeaderMap } from '../core/index.js';

// RFC 3986 §3.2.2 host (a registered name of unreserved characters, an IPv4 address or a bracketed
// IPv6 literal) with an optional port. Anything else would break the links built on it or inject
// into them, so it is ignored.
const HOST = /^(?:[A-Za-z0-9](?:[A-Za-z0-9._~-]{0,251}[A-Za-z0-9])?|\[[0-9A-Fa-f:.]{2,45}\])(?::(\d{1,5}))?$/;

/**
 * The origin a client reached the mock under, for links it can follow: RFC 7239 `Forwarded`
 * (its first element, when it names a host), then `X-Forwarded-Host`/`X-Forwarded-Proto`, then
 * `Host` (RFC 9110 §7.2). Undefined when no usable host was sent.
 */
export function requestOrigin(headers: HeaderMap): string | undefined {
  const forwarded = headers.forwarded === undefined ? undefined : firstForwarded(headers.forwarded);
  const host = forwarded?.host ?? first(headers['x-forwarded-host']) ?? headers.host;
  if (host === undefined || !isHost(host)) return undefined;
  const proto = (forwarded?.proto ?? first(headers['x-forwarded-proto']) ?? 'http').toLowerCase();
  if (proto !== 'http' && proto !== 'https') return undefined;
  return `${proto}://${host.toLowerCase()}`;
}

function isHost(text: string): boolean {
  const match = HOST.exec(text);
  return match !== null && (match[1] === undefined || Number(match[1]) <= 65535);
}

function first(list: string | undefined): string | undefined {
  if (list === undefined) return undefined;
  const comma = list.indexOf(',');
  return (comma < 0 ? list : list.slice(0, comma)).trim() || undefined;
}

/** `for=1.2.3.4;host=api.example.com;proto=https, for=…` → the first element's host and proto. */
function firstForwarded(value: string): { host?: string; proto?: string } | undefined {
  const element = value.split(',')[0]!;
  const result: { host?: string; proto?: string } = {};
  for (const pair of element.split(';')) {
    const eq = pair.indexOf('=');
    if (eq < 0) return undefined;
    const name = pair.slice(0, eq).trim().toLowerCase();
    const raw = pair.slice(eq + 1).trim();
    const text = raw.startsWith('"') && raw.endsWith('"') && raw.length >= 2 ? raw.slice(1, -1) : raw;
    if (name === 'host') result.host = text;
    else if (name === 'proto') result.proto = text;
  }
  return result.host === undefined ? undefined : result;
}
