import { MAX_DELAY_MS, parseFaultKind, type FaultKind } from './fault-kind.js';

/** Prism's response selection hints, from `Prefer` (RFC 7240) or `__code`-style query parameters, and the mock's delay and fault. */
export interface Preferences {
  code?: number;
  example?: string;
  dynamic?: boolean;
  /** Milliseconds to wait before handling the request (`Prefer: delay=200`). */
  delay?: number;
  /** Answer with this fault instead (`Prefer: fault=503` or `fault=reset`). */
  fault?: FaultKind;
}

const NAMES = ['code', 'example', 'dynamic', 'delay', 'fault'] as const;

// RFC 7240 §2: a preference the server does not understand, or a value it cannot honour, is ignored.
export function readPreferences(prefer: string | undefined, query: URLSearchParams): Preferences {
  const preferences: Preferences = {};
  for (const part of (prefer ?? '').split(/[,;]/)) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    assign(
      preferences,
      part.slice(0, eq).trim().toLowerCase(),
      part
        .slice(eq + 1)
        .trim()
        .replace(/^"(.*)"$/, '$1'),
    );
  }
  for (const name of NAMES) {
    const value = query.get(`__${name}`);
    if (value !== null) assign(preferences, name, value);
  }
  return preferences;
}

/** True when the request names a status with `Prefer: code=` or `__code=`: it is then answered as the document declares that status. */
export function asksForCode(prefer: string | undefined, query: URLSearchParams): boolean {
  if (prefer === undefined && !query.has('__code')) return false;
  return readPreferences(prefer, query).code !== undefined;
}

function assign(preferences: Preferences, name: string, value: string): void {
  if (name === 'code' && /^[1-5]\d\d$/.test(value)) preferences.code = Number(value);
  else if (name === 'example' && value !== '') preferences.example = value;
  else if (name === 'dynamic') preferences.dynamic = value === 'true';
  else if (name === 'delay' && /^\d+$/.test(value) && Number(value) <= MAX_DELAY_MS) preferences.delay = Number(value);
  else if (name === 'fault' && parseFaultKind(value) !== undefined) preferences.fault = parseFaultKind(value)!;
}
