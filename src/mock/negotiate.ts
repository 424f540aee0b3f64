import { essence, isJsonMediaType, mediaTypeMatches, negotiateMediaType, toProblem, type ProblemDetails } from '../core/index.js';
import { findResponse, type MediaTypeSpec, type Operation, type ResponseSpec } from '../openapi/index.js';
import type { Preferences } from './prefer.js';

export type Selection =
  | {
      ok: true;
      status: number;
      response: ResponseSpec;
      media: MediaTypeSpec | undefined;
      /** The concrete media type to send: the declared one, or what Accept chose within a declared range. */
      mediaType: string | undefined;
    }
  | { ok: false; problem: ProblemDetails };

/**
 * Chooses the status and media type of a stateless answer in Prism's order (see the README):
 * a preferred code if declared (exact, then its `4XX`-style range, then `default`), else 404; without
 * one, the lowest declared 2xx, then `2XX` (as 200), then `default` (as 200), then the lowest declared
 * status (a range as its x00). The media type is chosen by Accept among the declared ones.
 */
export function selectResponse(operation: Operation, preferences: Preferences, accept: string | undefined): Selection {
  const chosen = preferences.code === undefined ? unspecified(operation) : preferred(operation, preferences.code);
  if (!chosen) {
    if (preferences.code === undefined) {
      return {
        ok: false,
        problem: toProblem(
          'no_response_defined',
          `no final response (2xx-5xx, range or default) is declared for ${operation.method} ${operation.path}`,
        ),
      };
    }
    const declared = operation.responses.map((response) => response.key).join(', ');
    // Prism answers a code the document does not declare with a 404 problem.
    const detail = `Requested status code ${preferences.code} is not defined in the document for ${operation.method} ${operation.path} (declared: ${declared})`;
    return { ok: false, problem: toProblem('no_response_defined', detail, { status: 404 }) };
  }
  const { status, response } = chosen;
  if (response.content.length === 0) return { ok: true, status, response, media: undefined, mediaType: undefined };
  const picked = pickMedia(response.content, accept);
  if (!picked) {
    const declared = response.content.map((media) => media.mediaType).join(', ');
    return { ok: false, problem: toProblem('not_acceptable', `Accept ${accept} matches none of: ${declared}`) };
  }
  return { ok: true, status, response, ...picked };
}

// A declared range (`*/*`, `text/*`, `image/*`) stands for the first of these it covers when the
// client names nothing it covers (no Accept, or `*/*`): one common type of each top-level type.
const RANGE_DEFAULTS = ['application/json', 'text/plain', 'image/png', 'audio/mpeg', 'video/mp4', 'font/woff2', 'application/octet-stream'];

/** A declared media type Accept prefers; else a concrete type Accept names that a declared range covers. */
function pickMedia(content: MediaTypeSpec[], accept: string | undefined): { media: MediaTypeSpec; mediaType: string } | undefined {
  // JSON first: where Accept does not tell the declared types apart (absent, `*/*`), JSON is sent,
  // as Prism does, whatever order the document lists them in.
  const concrete = content
    .filter((media) => !media.mediaType.includes('*'))
    .sort((a, b) => Number(isJsonMediaType(b.mediaType)) - Number(isJsonMediaType(a.mediaType)));
  const exact =
    concrete.length > 0
      ? negotiateMediaType(
          accept,
          concrete.map((media) => media.mediaType),
        )
      : undefined;
  if (exact) return { media: concrete.find((media) => media.mediaType === exact)!, mediaType: exact };
  const ranges = content.filter((media) => media.mediaType.includes('*'));
  const named = (accept ?? '')
    .split(',')
    .map((part) => essence(part.trim()))
    .filter((type): type is string => !!type && !type.includes('*'));
  const covered = [...named, ...RANGE_DEFAULTS].filter((type) => ranges.some((range) => mediaTypeMatches(range.mediaType, type)));
  const mediaType = negotiateMediaType(accept, covered);
  const media = mediaType && ranges.find((range) => mediaTypeMatches(range.mediaType, mediaType));
  return media ? { media, mediaType: mediaType! } : undefined;
}

function preferred(operation: Operation, code: number) {
  const response = findResponse(operation, code);
  return response && { status: code, response };
}

const EXACT_SUCCESS = /^2\d\d$/;

function unspecified(operation: Operation) {
  const exact = operation.responses.filter((response) => EXACT_SUCCESS.test(response.key)).sort((a, b) => Number(a.key) - Number(b.key))[0];
  if (exact) return { status: Number(exact.key), response: exact };
  const fallback =
    operation.responses.find((response) => response.key.toUpperCase() === '2XX') ??
    operation.responses.find((response) => response.key === 'default');
  if (fallback) return { status: 200, response: fallback };
  // No success at all: the lowest declared final status (1xx cannot end an exchange), a range as
  // its x00 after an exact code of that number. JSON object keys that look like integers enumerate
  // in numeric order, so "the first declared" is the lowest one for Prism too.
  const finals = operation.responses.filter((response) => /^[2-5](\d\d|XX)$/i.test(response.key));
  const lowest = finals.map((response) => ({ status: asStatus(response.key), exact: /^\d+$/.test(response.key), response }));
  lowest.sort((a, b) => a.status - b.status || Number(b.exact) - Number(a.exact));
  return lowest[0] && { status: lowest[0].status, response: lowest[0].response };
}

const asStatus = (key: string): number => (/^\d{3}$/.test(key) ? Number(key) : Number(key[0]) * 100);
