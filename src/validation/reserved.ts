import { escapeToken } from '../core/index.js';
import type { Parameter } from '../openapi/index.js';
import type { Violation } from './violation.js';

// RFC 3986 §2.2 reserved characters that can stand in a query value. `&`, `=` and `#` cannot (they
// end the value); `+` is a space in form encoding; `*` is left unescaped by the WHATWG form encoder
// every browser and URLSearchParams use, so flagging it would reject the most common clients.
const RESERVED = /[:/?[\]@!$'(),;]/;
const RESERVED_ALL = /[:/?[\]@!$'(),;]/g;

/** The check of one query parameter's raw values against `allowReserved: false` (OAS §4.8.12). */
export interface ReservedCheck {
  name: string;
  /** True for the raw query keys whose values belong to this parameter. */
  owns(key: string): boolean;
  /** Reserved characters that are this style's own delimiters, not data (`,` of form arrays). */
  delimiters: string;
}

/** Compiles the check of one query parameter, or undefined when reserved characters are allowed. */
export function compileReservedCheck(parameter: Parameter, kind: 'primitive' | 'array' | 'object', claimed: ReadonlySet<string>): ReservedCheck | undefined {
  if (parameter.in !== 'query' || parameter.allowReserved || parameter.json) return undefined;
  const { name, style, explode } = parameter;
  const delimiters = kind !== 'primitive' && style === 'form' && !explode ? ',' : '';
  if (kind === 'object' && style === 'deepObject') return { name, owns: (key) => key.startsWith(`${name}[`), delimiters };
  if (kind === 'object' && explode) return { name, owns: (key) => !claimed.has(key) && !key.startsWith('__'), delimiters };
  return { name, owns: (key) => key === name, delimiters };
}

/** Query values (still percent-encoded, by decoded name) that carry reserved characters unescaped, one violation per parameter. */
export function reservedViolations(query: ReadonlyMap<string, readonly string[]>, checks: readonly ReservedCheck[]): Violation[] {
  if (checks.length === 0) return [];
  const violations: Violation[] = [];
  for (const check of checks) {
    const found = new Set<string>();
    for (const [key, values] of query) {
      if (!check.owns(key)) continue;
      for (const value of values) if (RESERVED.test(value)) for (const char of value.match(RESERVED_ALL)!) if (!check.delimiters.includes(char)) found.add(char);
    }
    if (found.size === 0) continue;
    violations.push({
      in: 'query',
      pointer: `/${escapeToken(check.name)}`,
      keyword: 'allowReserved',
      message: `carries reserved characters unescaped (${[...found].join(' ')}); percent-encode them, or declare allowReserved: true`,
    });
  }
  return violations;
}
