const UNIT_MS = { m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** The longest window listAppRuns accepts (§4 List runs). */
export const MAX_WINDOW_MS = 30 * UNIT_MS.d;

/** The window used when the query gives none. */
export const DEFAULT_WINDOW = '24h';

/** A window in milliseconds, or the reason it is not acceptable. */
export type WindowResult = { ok: true; ms: number } | { ok: false; detail: string };

/** Parses `window`: `<positive integer><m|h|d>`, at most 30 days. */
export function parseWindow(value: string | undefined): WindowResult {
  const text = value ?? DEFAULT_WINDOW;
  const match = /^([1-9][0-9]*)([mhd])$/.exec(text);
  if (!match) {
    return {
      ok: false,
      detail: `window must be a positive integer followed by m, h or d (such as 60m, 24h or 7d); got ${quote(text)}`,
    };
  }
  const ms = Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS];
  if (!(ms <= MAX_WINDOW_MS)) {
    return { ok: false, detail: `window must be at most 30 days (30d, 720h or 43200m); got ${quote(text)}` };
  }
  return { ok: true, ms };
}

function quote(text: string): string {
  return JSON.stringify(text.length > 40 ? text.slice(0, 40) + '…' : text);
}
