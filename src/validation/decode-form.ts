import { essence, toProblem, type ProblemDetails } from '../core/index.js';
import type { MediaTypeSpec } from '../openapi/index.js';
import { FormFields, type FormPart, type FormResult } from './form-body.js';
import { parseMultipart } from './multipart.js';

const MAX_FIELDS = 10_000;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** A body matched to its declared media type and parsed, or the problem that refuses it. */
export type DecodedBody =
  { ok: true; body: { media: MediaTypeSpec; value: unknown; raw: Buffer } | undefined } | { ok: false; problem: ProblemDetails };

/** Decodes a urlencoded or multipart body into its fields; the schema types them during validation. */
export function decodeFormBody(media: MediaTypeSpec, raw: Buffer, contentType: string | undefined, path: string): DecodedBody {
  const decoded = essence(contentType) === 'multipart/form-data' ? parseMultipart(raw, contentType) : decodeUrlencoded(raw);
  if (!decoded.ok) return { ok: false, problem: toProblem('invalid_request', decoded.reason, { instance: path }) };
  return { ok: true, body: { media, value: decoded.fields, raw } };
}

/**
 * Splits an `application/x-www-form-urlencoded` body into its fields strictly: UTF-8 only, and a
 * malformed percent-escape is an error, where WHATWG's lenient parser would keep it as text. Names
 * are decoded; values stay as sent for the schema's style to split before decoding.
 */
export function decodeUrlencoded(raw: Buffer): FormResult {
  let text: string;
  try {
    text = utf8.decode(raw);
  } catch {
    return { ok: false, reason: 'the form body is not valid UTF-8' };
  }
  const parts: FormPart[] = [];
  for (const pair of text.split('&')) {
    if (pair === '') continue;
    if (parts.length === MAX_FIELDS) return { ok: false, reason: `the form body has more than ${MAX_FIELDS} fields` };
    const eq = pair.indexOf('=');
    const name = decode(eq < 0 ? pair : pair.slice(0, eq));
    const value = eq < 0 ? '' : pair.slice(eq + 1);
    if (name === undefined || decode(value) === undefined) {
      return { ok: false, reason: `the form field "${pair.slice(0, 60)}" has malformed percent-encoding` };
    }
    parts.push({ name, value });
  }
  return { ok: true, fields: new FormFields(parts, false) };
}

function decode(text: string): string | undefined {
  const spaced = text.includes('+') ? text.replace(/\+/g, ' ') : text;
  if (!spaced.includes('%')) return spaced;
  try {
    return decodeURIComponent(spaced);
  } catch {
    return undefined;
  }
}
