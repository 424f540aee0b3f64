import { isSecretName } from '../core/index.js';

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

/**
 * Builds the secret-name predicates: the toolkit's secret names (credentials, cookies, tokens,
 * secrets, passwords, API keys…) for headers, JSON fields and query parameters alike; extra rules
 * add to them, never replace them.
 */
export function createSecretRules(extraHeaders: readonly NameRule[] = [], extraFields: readonly NameRule[] = []): SecretRules {
  const headers = extraHeaders.map(parseNameRule);
  const fields = extraFields.map(parseNameRule);
  return {
    isSecretHeader: (name) => isSecretName(name) || matches(headers, name),
    isSecretField: (name) => isSecretName(name) || matches(fields, name),
  };
}
