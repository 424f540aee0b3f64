import { maskSecrets } from '../../core/index.js';
import type { Exchange } from '../findings/exchange.js';

// Bodies longer than this are cut in the printed command (the JSON report keeps them whole).
const MAX_BODY_CHARS = 2_000;

/** A copy-pasteable `curl` command for an exchange's request, secrets masked. */
export function toCurl(request: Exchange['request'], secrets: readonly string[]): string {
  const parts = ['curl', '-sS', '-i'];
  if (request.method !== 'GET') parts.push('-X', request.method);
  parts.push(quote(request.url));
  for (const [name, value] of Object.entries(request.headers)) {
    if (name === 'content-length' || name === 'host') continue;
    parts.push('-H', quote(`${name}: ${value}`));
  }
  if (request.body && request.body.length > 0) {
    const text = request.body.toString('utf8');
    parts.push('--data-binary', quote(text.length > MAX_BODY_CHARS ? text.slice(0, MAX_BODY_CHARS) + '…' : text));
  }
  return maskSecrets(parts.join(' '), secrets);
}

/** POSIX shell single quotes: safe for any text. */
export function quote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}
