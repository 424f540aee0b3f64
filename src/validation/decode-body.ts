import { essence, isJsonMediaType, mediaTypeMatches, parseJsonBody, toProblem } from '../core/index.js';
import type { Operation } from '../openapi/index.js';
import { decodeFormBody, type DecodedBody } from './decode-form.js';

export type { DecodedBody };


/**
 * Matches the request's Content-Type against the operation's declared media types (exact, then
 * ranges such as `*\/*`) and parses what it can: JSON strictly, forms into objects, other bytes raw.
 */
export function decodeBody(operation: Operation, contentType: string | undefined, raw: Buffer | undefined, path: string): DecodedBody {
  const declared = operation.requestBody?.content ?? [];
  if (raw === undefined || declared.length === 0) return { ok: true, body: undefined };
  const actual = essence(contentType) ?? 'application/octet-stream';
  const media =
    declared.find((entry) => essence(entry.mediaType) === actual) ?? declared.find((entry) => mediaTypeMatches(entry.mediaType, actual));
  if (!media) {
    const accepted = declared.map((entry) => entry.mediaType).join(', ');
    return {
      ok: false,
      problem: toProblem(
        'unsupported_media_type',
        `Content-Type ${contentType ?? '(none)'} is not accepted here; send one of: ${accepted}`,
        {
          instance: path,
        },
      ),
    };
  }
  if (isJsonMediaType(actual)) {
    const parsed = parseJsonBody(raw);
    if (!parsed.ok) return { ok: false, problem: toProblem('invalid_request', parsed.reason, { instance: path }) };
    return { ok: true, body: { media, value: parsed.value, raw } };
  }
  if (actual === 'application/x-www-form-urlencoded' || actual === 'multipart/form-data') return decodeFormBody(media, raw, contentType, path);
  if (actual.startsWith('text/')) return { ok: true, body: { media, value: raw.toString('utf8'), raw } };
  return { ok: true, body: { media, value: raw, raw } };
}
