import { UsageError, type HeaderMap } from '../../core/index.js';
import type { OperationFilter } from '../../conformance/index.js';
import type { CliIo } from '../io.js';
import { parseCommandFlags } from '../args.js';

/** The flags of `conform`; each also reads `EVERRUNS_CONTRACT_<NAME>` and the config file's `conform` section. */
export const CONFORM_FLAGS = {
  target: { type: 'string', short: 't' },
  spec: { type: 'string', short: 's' },
  header: { type: 'string', short: 'H', multiple: true },
  'api-key': { type: 'string' },
  runs: { type: 'string', short: 'n' },
  seed: { type: 'string' },
  replay: { type: 'string' },
  checks: { type: 'string' },
  'exclude-checks': { type: 'string' },
  'include-operation-id': { type: 'string', multiple: true },
  'include-path': { type: 'string', multiple: true },
  'include-tag': { type: 'string', multiple: true },
  'exclude-operation-id': { type: 'string', multiple: true },
  'exclude-path': { type: 'string', multiple: true },
  'exclude-tag': { type: 'string', multiple: true },
  'max-response-time': { type: 'string' },
  timeout: { type: 'string' },
  rate: { type: 'string' },
  concurrency: { type: 'string' },
  'max-duration': { type: 'string' },
  'read-only': { type: 'boolean' },
  var: { type: 'string', multiple: true },
  junit: { type: 'string' },
  json: { type: 'string' },
  html: { type: 'string' },
  'min-coverage': { type: 'string' },
  har: { type: 'string', multiple: true },
  record: { type: 'string' },
  'link-base': { type: 'string' },
  'fail-on': { type: 'string' },
  waivers: { type: 'string' },
} as const;

/** The flags of `conform`, parsed strictly (unknown flags are usage errors). */
export type ConformFlags = ReturnType<typeof readFlags>;

export function readFlags(argv: string[], io: CliIo) {
  return parseCommandFlags('conform', argv, CONFORM_FLAGS, io);
}

/** The `--include-*` / `--exclude-*` flags as the runner's operation filter (each repeatable, or comma-separated). */
export function operationFilter(values: ConformFlags): OperationFilter {
  const all = (entries: string[] | undefined) => (entries ?? []).flatMap(list);
  return {
    includeOperationIds: all(values['include-operation-id']),
    includePaths: all(values['include-path']),
    includeTags: all(values['include-tag']),
    excludeOperationIds: all(values['exclude-operation-id']),
    excludePaths: all(values['exclude-path']),
    excludeTags: all(values['exclude-tag']),
  };
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
