import { REDACTED, SECRET_FIELD_PATTERN } from '../core/index.js';

export { REDACTED };

/** Headers that always carry credentials. */
export const SECRET_HEADERS: readonly string[] = [
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
  'x-everruns-webhook-token',
  'x-api-key',
];

/** Header names containing any of these words are treated as secrets too. */
const SECRET_HEADER_PATTERN = /token|secret|api-?key/i;

export { SECRET_FIELD_PATTERN };

/** A name rule: an exact name (any case) or a regular expression. */
export type NameRule = string | RegExp;

/** Turns `"/re/flags"` into a RegExp and keeps any other string as an exact, case-insensitive name. */
export function parseNameRule(rule: NameRule): NameRule {
  if (rule instanceof RegExp) return rule;
  const match = /^\/(.+)\/([a-z]*)$/.exec(rule);
  return match ? new RegExp(match[1]!, match[2]) : rule.toLowerCase();
}

function matches(rules: readonly NameRule[], name: string): boolean {
  const lower = name.toLowerCase();
  return rules.some((rule) => {
    if (typeof rule === 'string') return rule === lower;
    rule.lastIndex = 0; // a /g or /y rule is stateful; start every test from the beginning
    return rule.test(name);
  });
}

/** Decides which names are secret, from the defaults plus caller-supplied rules. */
export interface SecretRules {
  isSecretHeader(name: string): boolean;
  isSecretField(name: string): boolean;
}

/** Builds the secret-name predicates; extra rules add to the defaults, never replace them. */
export function createSecretRules(extraHeaders: readonly NameRule[] = [], extraFields: readonly NameRule[] = []): SecretRules {
  const headers = [...SECRET_HEADERS, SECRET_HEADER_PATTERN, ...extraHeaders.map(parseNameRule)];
  const fields = [SECRET_FIELD_PATTERN, ...extraFields.map(parseNameRule)];
  return {
    isSecretHeader: (name) => matches(headers, name),
    isSecretField: (name) => matches(fields, name),
  };
}
