import type { HeaderMap } from '../../core/index.js';

/** One request the mock received, as `GET /__mock/requests` and the library's `requests()` give it. */
export interface JournalEntry {
  /** Increasing from 1 over the mock's life; `since=<id>` lists the entries after it. */
  id: number;
  /** When the request arrived (RFC 3339, UTC). */
  at: string;
  method: string;
  path: string;
  /** The raw query string, without `?`. */
  query: string;
  /** As received, names lower-cased; repeated headers joined with `, `. */
  headers: HeaderMap;
  /** The body as UTF-8 text, or base64 when it is not (`bodyEncoding`); the first 64 KiB of a longer one. */
  body?: string;
  bodyEncoding?: 'base64';
  /** The body's length in bytes, when there was one. */
  bodySize?: number;
  /** True when `body` holds only the first 64 KiB. */
  bodyTruncated?: true;
  /** The status answered; 0 when the connection was reset on purpose (a fault). */
  status: number;
  /** The operationId the request was routed to, or null (unrouted, a 404/405, a playback answer). */
  operation: string | null;
  /** From arrival to the end of the answer, injected delays included. */
  durationMs: number;
}
