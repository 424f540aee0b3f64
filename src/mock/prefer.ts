/** Prism's response selection hints, from `Prefer` (RFC 7240) or `__code`-style query parameters. */
export interface Preferences {
  code?: number;
  example?: string;
  dynamic?: boolean;
}

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
  for (const name of ['code', 'example', 'dynamic'] as const) {
    const value = query.get(`__${name}`);
    if (value !== null) assign(preferences, name, value);
  }
  return preferences;
}

function assign(preferences: Preferences, name: string, value: string): void {
  if (name === 'code' && /^[1-5]\d\d$/.test(value)) preferences.code = Number(value);
  else if (name === 'example' && value !== '') preferences.example = value;
  else if (name === 'dynamic') preferences.dynamic = value === 'true';
}
