import { appendValue } from './parameter-source.js';

/**
 * The cookies of a Cookie header (RFC 6265 §5.4), every value of a repeated name in order, as
 * sent: a parameter's items are split before they are decoded.
 */
export function parseCookies(header: string | undefined): Map<string, string[]> {
  const cookies = new Map<string, string[]>();
  if (!header) return cookies;
  for (const pair of header.split(';')) {
    const eq = pair.indexOf('=');
    if (eq <= 0) continue;
    const name = pair.slice(0, eq).trim();
    let value = pair.slice(eq + 1).trim();
    if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    appendValue(cookies, name, value);
  }
  return cookies;
}
