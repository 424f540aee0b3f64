import { UsageError, type HeaderMap } from '../../core/index.js';
import { parseCommandFlags } from '../args.js';

/** The flags of `conform`, parsed strictly (unknown flags are usage errors). */
export type ConformFlags = ReturnType<typeof readFlags>;

export function readFlags(argv: string[]) {
  return parseCommandFlags(argv, {
    target: { type: 'string' },
    spec: { type: 'string' },
    header: { type: 'string', multiple: true },
    'api-key': { type: 'string' },
    runs: { type: 'string' },
    seed: { type: 'string' },
    replay: { type: 'string' },
    checks: { type: 'string' },
    'exclude-checks': { type: 'string' },
    timeout: { type: 'string' },
    rate: { type: 'string' },
    concurrency: { type: 'string' },
    'max-duration': { type: 'string' },
    'read-only': { type: 'boolean' },
    var: { type: 'string', multiple: true },
    junit: { type: 'string' },
    json: { type: 'string' },
    har: { type: 'string', multiple: true },
    record: { type: 'string' },
    'link-base': { type: 'string' },
    'fail-on': { type: 'string' },
    waivers: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
}

/** `--header 'Name: value'` entries as a header map. */
export function parseHeaders(entries: string[]): HeaderMap {
  const headers: HeaderMap = {};
  for (const entry of entries) {
    const colon = entry.indexOf(':');
    const name = colon > 0 ? entry.slice(0, colon).trim() : '';
    if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name))
      throw new UsageError(`--header expects 'Name: value', got a header without a valid name`);
    headers[name.toLowerCase()] = entry.slice(colon + 1).trim();
  }
  return headers;
}

/** `--var name=value` entries as a map. */
export function parseVars(entries: string[]): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const entry of entries) {
    const eq = entry.indexOf('=');
    if (eq <= 0) throw new UsageError(`--var expects name=value, got '${entry}'`);
    vars[entry.slice(0, eq).trim()] = entry.slice(eq + 1);
  }
  return vars;
}

/** A comma-separated flag value as a list. */
export function list(text: string): string[] {
  return text
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}
