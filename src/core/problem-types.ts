import type { ProblemDetails } from './problem.js';

/** One entry of a problem catalogue: the status it is answered with and that status's reason phrase. */
export interface ProblemType {
  status: number;
  title: string;
}

/**
 * Problem codes and their entries. Codes are snake_case, as the wire contracts this toolkit serves
 * fix `code`; a code is never reused for another meaning.
 */
export type ProblemCatalogue = Readonly<Record<string, ProblemType>>;

/** The problems the toolkit itself raises, whatever the document. */
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
  fault_injected: { status: 500, title: 'Internal Server Error' },
  playback_miss: { status: 404, title: 'Not Found' },
  upstream_unreachable: { status: 502, title: 'Bad Gateway' },
} as const satisfies ProblemCatalogue;

export type ProblemCode = keyof typeof PROBLEM_TYPES;

/** RFC 9457 §4.2.1: the type of a problem whose document names no problem types of its own. */
export const BLANK_PROBLEM_TYPE = 'about:blank';

/**
 * The `type` URI of a code: `base + code` where the document being served names its problem types
 * on a base (a domain plug-in knows its documents' base), else about:blank. The only place type
 * URIs are built.
 */
export function problemTypeUri(code: string, base?: string): string {
  return base === undefined ? BLANK_PROBLEM_TYPE : base + code;
}

/** Builds a problem of the toolkit's catalogue; `status` may be overridden where an operation declares another 4xx. */
export function toProblem(code: ProblemCode, detail: string, extra: Partial<ProblemDetails> = {}): ProblemDetails {
  return problemOf(PROBLEM_TYPES, code, detail, extra);
}

/** Builds a problem of any catalogue (a domain plug-in's own), its type URI on `base`. */
export function problemOf<C extends ProblemCatalogue>(
  catalogue: C,
  code: keyof C & string,
  detail: string,
  extra: Partial<ProblemDetails> = {},
  base?: string,
): ProblemDetails {
  const entry = catalogue[code]!;
  const status = extra.status ?? entry.status;
  return {
    type: problemTypeUri(code, base),
    title: extra.title ?? (status === entry.status ? entry.title : reasonPhrase(status)),
    status,
    detail,
    code,
    ...extra,
  };
}

/** The problem as a document that names its problem types on `base` shows it: an about:blank type becomes `base + code`. */
export function withTypeBase(problem: ProblemDetails, base: string | undefined): ProblemDetails {
  if (base === undefined || problem.type !== BLANK_PROBLEM_TYPE || typeof problem.code !== 'string') return problem;
  return { ...problem, type: problemTypeUri(problem.code, base) };
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
