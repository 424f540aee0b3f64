/** RFC 9457 problem details: the only error shape this toolkit writes on the wire. */
export const PROBLEM_MEDIA_TYPE = 'application/problem+json';

/** One entry of a problem's `errors` array, as in RFC 9457 §3's validation example. */
export interface ProblemError {
  pointer: string;
  detail: string;
}

/** Problem details as written by the toolkit; extension members are allowed (RFC 9457 §3.2). */
export interface ProblemDetails {
  type?: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  code?: string;
  errors?: ProblemError[];
  [extension: string]: unknown;
}

/** True when `value` looks like a problem details object (title and numeric status). */
export function isProblem(value: unknown): value is ProblemDetails {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const candidate = value as Record<string, unknown>;
  return typeof candidate.title === 'string' && Number.isInteger(candidate.status);
}

/** True for `application/problem+json`, with or without parameters. */
export function isProblemMediaType(contentType: string | undefined): boolean {
  if (!contentType) return false;
  return contentType.split(';')[0]!.trim().toLowerCase() === PROBLEM_MEDIA_TYPE;
}
