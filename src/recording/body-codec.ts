import { parseMediaType } from '../core/index.js';

/** Default cap on a stored body: larger bodies are cut so one exchange cannot bloat a fixture file. */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

/** A body as HAR stores it: UTF-8 text, or base64 with `encoding: 'base64'`. */
export interface EncodedBody {
  text: string;
  encoding?: 'base64';
  /** Bytes of the whole body, before any truncation. */
  size: number;
  truncated: boolean;
}

const TEXT_SUBTYPES = new Set(['json', 'xml', 'javascript', 'ecmascript', 'x-www-form-urlencoded', 'yaml', 'x-yaml', 'graphql']);

/** True for media types whose bodies are meant to be read as text (text/*, JSON, XML and friends). */
export function isTextMediaType(contentType: string | undefined): boolean {
  const parsed = parseMediaType(contentType);
  if (!parsed) return false;
  if (parsed.type === 'text') return true;
  return TEXT_SUBTYPES.has(parsed.subtype) || (parsed.suffix !== undefined && TEXT_SUBTYPES.has(parsed.suffix));
}

// ignoreBOM keeps a leading U+FEFF in the text, so decoding and re-encoding is byte-identical.
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Decodes strict UTF-8, or returns undefined when the bytes are not valid UTF-8. */
export function decodeUtf8(bytes: Buffer): string | undefined {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return undefined;
  }
}

/** Cuts at most `max` bytes without splitting a UTF-8 sequence (continuation bytes are 10xxxxxx). */
function cutAtCharBoundary(body: Buffer, max: number): Buffer {
  let end = max;
  while (end > 0 && end > max - 4 && (body[end]! & 0xc0) === 0x80) end -= 1;
  return body.subarray(0, end);
}

/** Encodes a body for HAR: text for textual media types holding valid UTF-8, base64 otherwise. */
export function encodeBody(body: Buffer, contentType: string | undefined, maxBytes = DEFAULT_MAX_BODY_BYTES): EncodedBody {
  const size = body.length;
  const truncated = size > maxBytes;
  const textual = isTextMediaType(contentType);
  const kept = truncated ? (textual ? cutAtCharBoundary(body, maxBytes) : body.subarray(0, maxBytes)) : body;
  const text = textual ? decodeUtf8(kept) : undefined;
  if (text !== undefined) return { text, size, truncated };
  return { text: kept.toString('base64'), encoding: 'base64', size, truncated };
}

/** Turns a stored HAR body back into bytes. */
export function decodeBody(text: string | undefined, encoding: string | undefined): Buffer {
  if (text === undefined) return Buffer.alloc(0);
  return encoding === 'base64' ? Buffer.from(text, 'base64') : Buffer.from(text, 'utf8');
}
