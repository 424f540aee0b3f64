import type { ProblemError } from '../../core/index.js';
import { BODY_ID_FIELDS, describeIdProblem, type IdPrefix } from './ids.js';

const ID_FIELDS: Readonly<Record<string, IdPrefix>> = BODY_ID_FIELDS;

/**
 * Replaces the engine's pattern message for a malformed id in the body ("must match pattern …")
 * with the contract's helpful one ("expected 32 hex digits, got 31"), and puts id problems first
 * so the problem's `detail` names them.
 */
export function explainViolations(violations: readonly ProblemError[], body: unknown): ProblemError[] {
  const fields = body !== null && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  const explained: ProblemError[] = [];
  const rest: ProblemError[] = [];
  for (const violation of violations) {
    const field = /^#?\/body\/([a-z_]+)$/.exec(violation.pointer)?.[1];
    const prefix = field === undefined ? undefined : ID_FIELDS[field];
    const detail = prefix && Object.hasOwn(fields, field!) ? describeIdProblem(field!, fields[field!], prefix) : undefined;
    if (detail) explained.push({ pointer: violation.pointer, detail });
    else rest.push(violation);
  }
  return [...explained, ...rest];
}
