import type { ProblemDetails } from './problem.js';

/**
 * The catalogue of problems the toolkit itself raises. Codes are snake_case because the
 * Everruns wire contract fixes `code` that way and derives `type` from it; a code is never reused.
 */
export const PROBLEM_TYPES = {
  route_not_found: { status: 404, title: 'Not Found' },
  method_not_allowed: { status: 405, title: 'Method Not Allowed' },
  not_acceptable: { status: 406, title: 'Not Acceptable' },
  payload_too_large: { status: 413, title: 'Content Too Large' },
  unsupported_media_type: { status: 415, title: 'Unsupported Media Type' },
  invalid_request: { status: 400, title: 'Bad Request' },
  unauthorized: { status: 401, title: 'Unauthorized' },
  uri_too_long: { status: 414, title: 'URI Too Long' },
  request_header_fields_too_large: { status: 431, title: 'Request Header Fields Too Large' },
  request_timeout: { status: 408, title: 'Request Timeout' },
  example_not_found: { status: 404, title: 'Not Found' },
  resource_not_found: { status: 404, title: 'Not Found' },
  resource_conflict: { status: 409, title: 'Conflict' },
  no_response_defined: { status: 500, title: 'Internal Server Error' },
  internal_error: { status: 500, title: 'Internal Server Error' },
  playback_miss: { status: 404, title: 'Not Found' },
  upstream_unreachable: { status: 502, title: 'Bad Gateway' },
} as const satisfies Record<string, { status: number; title: string }>;

export type ProblemCode = keyof typeof PROBLEM_TYPES;

const TYPE_BASE = 'https://docs.everruns.com/errors/';

/** The `type` URI for a problem code; the only place such URIs are built. */
export function problemTypeUri(code: string): string {
  return TYPE_BASE + code;
}

/** Builds a catalogue problem; `status` may be overridden where an operation declares another 4xx. */
export function toProblem(code: ProblemCode, detail: string, extra: Partial<ProblemDetails> = {}): ProblemDetails {
  const entry = PROBLEM_TYPES[code];
  const status = extra.status ?? entry.status;
  return {
    type: problemTypeUri(code),
    title: extra.title ?? reasonPhrase(status),
    status,
    detail,
    code,
    ...extra,
  };
}

const REASON_PHRASES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  408: 'Request Timeout',
  409: 'Conflict',
  413: 'Content Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  431: 'Request Header Fields Too Large',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** RFC 9110 §15 reason phrase for a status, used as a problem's `title`. */
export function reasonPhrase(status: number): string {
  return REASON_PHRASES[status] ?? (status >= 500 ? 'Server Error' : 'Client Error');
}
