import { parseMediaType } from '../core/index.js';
import { FormFields, type FormPart, type FormResult } from './form-body.js';

const MAX_PARTS = 1_000;
const MAX_HEADER_BYTES = 8 * 1024;
// RFC 2046 §5.1.1: 1 to 70 bchars, the last not a space.
const BOUNDARY = /^[0-9A-Za-z'()+_,\-./:=? ]{0,69}[0-9A-Za-z'()+_,\-./:=?]$/;
const CRLF = Buffer.from('\r\n');
const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Parses a whole `multipart/form-data` body (RFC 7578 over RFC 2046 §5.1) strictly: a boundary from
 * the Content-Type, every part with `Content-Disposition: form-data; name=…`, and the closing
 * delimiter present. The body is already buffered within the size limit, so one pass over a Buffer
 * answers in the same tick; a streaming parser (busboy) would add events and streams for nothing.
 */
export function parseMultipart(raw: Buffer, contentType: string | undefined): FormResult {
  const boundary = parseMediaType(contentType)?.parameters.boundary;
  if (boundary === undefined) return fail('the multipart/form-data Content-Type has no boundary parameter');
  if (!BOUNDARY.test(boundary)) return fail('the multipart boundary must be 1 to 70 characters of RFC 2046 §5.1.1');
  const dash = Buffer.from(`--${boundary}`, 'latin1');
  const delimiter = Buffer.concat([CRLF, dash]);
  // The first boundary opens the body or follows a preamble and its CRLF.
  let at = raw.subarray(0, dash.length).equals(dash) ? 0 : raw.indexOf(delimiter);
  if (at < 0) return fail('the multipart body never reaches its boundary');
  if (at > 0) at += CRLF.length;
  const parts: FormPart[] = [];
  for (;;) {
    at += dash.length;
    if (raw[at] === 0x2d && raw[at + 1] === 0x2d) return { ok: true, fields: new FormFields(parts, true) };
    while (raw[at] === 0x20 || raw[at] === 0x09) at++; // transport padding
    if (raw[at] !== 0x0d || raw[at + 1] !== 0x0a) return fail('a multipart boundary must be followed by CRLF or "--"');
    at += CRLF.length;
    if (parts.length === MAX_PARTS) return fail(`the multipart body has more than ${MAX_PARTS} parts`);
    const headersEnd = raw[at] === 0x0d && raw[at + 1] === 0x0a ? at : raw.indexOf('\r\n\r\n', at, 'latin1');
    if (headersEnd < 0 || headersEnd - at > MAX_HEADER_BYTES) return fail(`multipart part ${parts.length + 1} has no end to its headers`);
    const contentStart = headersEnd === at ? at + CRLF.length : headersEnd + 4;
    const next = raw.indexOf(delimiter, contentStart);
    if (next < 0) return fail('the multipart body ends before its closing boundary');
    const part = readPart(raw.subarray(at, headersEnd), raw.subarray(contentStart, next), parts.length + 1);
    if (typeof part === 'string') return fail(part);
    parts.push(part);
    at = next + CRLF.length;
  }
}

function readPart(head: Buffer, content: Buffer, index: number): FormPart | string {
  let text: string;
  try {
    text = utf8.decode(head);
  } catch {
    return `multipart part ${index} has headers that are not UTF-8`;
  }
  let disposition: string | undefined;
  let contentType: string | undefined;
  for (const line of text === '' ? [] : text.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0) return `multipart part ${index} has a malformed header line`;
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (name === 'content-disposition') disposition = value;
    else if (name === 'content-type') contentType = value;
  }
  const params = disposition === undefined ? undefined : dispositionParams(disposition);
  if (!params) return `multipart part ${index} needs Content-Disposition: form-data; name="…" (RFC 7578 §4.2)`;
  const name = params.get('name');
  if (name === undefined) return `multipart part ${index} has no name in its Content-Disposition`;
  if (contentType !== undefined && !parseMediaType(contentType)) return `multipart part "${name}" has a malformed Content-Type`;
  const filename = params.get('filename*') ?? params.get('filename');
  return { name, value: content, ...(contentType ? { contentType } : {}), ...(filename !== undefined ? { filename } : {}) };
}

/** `form-data; name="a"; filename="b.txt"` → its parameters, or undefined when it is not form-data. */
function dispositionParams(value: string): Map<string, string> | undefined {
  const match = /^form-data\s*(;.*)?$/i.exec(value);
  if (!match) return undefined;
  const params = new Map<string, string>();
  const pattern = /;\s*([!#$%&'*+.^_`|~0-9A-Za-z-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;\s]*))\s*/gy;
  const rest = match[1] ?? '';
  let at = 0;
  for (let found = pattern.exec(rest); found; found = pattern.exec(rest)) {
    const key = found[1]!.toLowerCase();
    const quoted = found[2];
    let text = quoted !== undefined ? quoted.replace(/\\(.)/g, '$1') : found[3]!;
    // RFC 8187 ext-value for filename*: UTF-8''percent-encoded.
    if (key.endsWith('*')) {
      const ext = /^utf-8'[^']*'(.*)$/i.exec(text);
      if (!ext) return undefined;
      try {
        text = decodeURIComponent(ext[1]!);
      } catch {
        return undefined;
      }
    }
    params.set(key, text);
    at = pattern.lastIndex;
  }
  return at === rest.length ? params : undefined;
}

function fail(reason: string): FormResult {
  return { ok: false, reason };
}
