/** The prefixes of the public ids the Apps contract uses (§2). */
export const ID_PREFIXES = ['app', 'appchan', 'agent', 'harness', 'agentver', 'identity', 'principal', 'session', 'run'] as const;

/** One of {@link ID_PREFIXES}. */
export type IdPrefix = (typeof ID_PREFIXES)[number];

const HEX32 = /^[0-9a-f]{32}$/;

/** True when `value` is `<prefix>_` followed by exactly 32 lowercase hex digits. */
export function isPublicId(value: unknown, prefix: IdPrefix): value is string {
  return (
    typeof value === 'string' &&
    value.length === prefix.length + 33 &&
    value.startsWith(prefix + '_') &&
    HEX32.test(value.slice(prefix.length + 1))
  );
}

/**
 * Says what is wrong with an id, or returns undefined when it is well formed; the sentence is
 * specific (wrong prefix, wrong length, upper-case or non-hex digits) because that is what lets
 * a caller fix the request without guessing.
 */
export function describeIdProblem(field: string, value: unknown, prefix: IdPrefix): string | undefined {
  if (isPublicId(value, prefix)) return undefined;
  const expected = `${field} must be ${prefix}_ followed by 32 lowercase hex digits`;
  if (typeof value !== 'string') return `${expected}; got ${value === null ? 'null' : typeof value}`;
  if (value === '') return `${expected}; got an empty string`;
  if (!value.startsWith(prefix + '_')) {
    const underscore = value.indexOf('_');
    if (underscore <= 0) return `${expected}; got no prefix`;
    return `${expected}; got prefix '${clip(value.slice(0, underscore + 1))}'`;
  }
  const digits = value.slice(prefix.length + 1);
  const bad = /[^0-9a-f]/.exec(digits);
  if (bad) {
    if (/^[0-9a-fA-F]+$/.test(digits)) return `${expected}; got upper-case hex digits`;
    return `${expected}; got non-hex character '${clip(bad[0])}' at position ${bad.index + 1} after the prefix`;
  }
  return `${expected}; got ${digits.length} hex digit${digits.length === 1 ? '' : 's'}`;
}

// Path and body values are echoed in details, so long ones are clipped to keep problems small.
function clip(text: string): string {
  return text.length > 40 ? text.slice(0, 40) + '…' : text;
}

/** Request body fields that hold public ids, and the prefix each must carry. */
export const BODY_ID_FIELDS = {
  harness_id: 'harness',
  agent_id: 'agent',
  agent_identity_id: 'identity',
  agent_version_id: 'agentver',
} as const satisfies Record<string, IdPrefix>;
