import type { ProblemDetails } from './problem.js';
import { toProblem } from './problem-types.js';

/** Path parameter values decoded, or the parameter whose percent-encoding is malformed and the 400 that says so. */
export type DecodedPathParams = { ok: true; params: Record<string, string> } | { ok: false; name: string; problem: ProblemDetails };

/**
 * Percent-decodes the raw values a path template matched (RFC 3986 §2.1). A malformed escape
 * (`%zz`, a lone `%`, bytes that are not UTF-8) is refused rather than guessed at.
 */
export function decodePathParams(raw: Readonly<Record<string, string>>): DecodedPathParams {
  const params: Record<string, string> = {};
  // for…in over the router's own plain record: Object.entries allocated a pair per parameter per request.
  for (const name in raw) {
    const value = raw[name]!;
    try {
      params[name] = value.includes('%') ? decodeURIComponent(value) : value;
    } catch {
      return { ok: false, name, problem: toProblem('invalid_request', `path parameter ${name} has malformed percent-encoding`) };
    }
  }
  return { ok: true, params };
}
