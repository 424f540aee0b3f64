import { getAtPointer, parsePointer } from '../../core/index.js';
import { describe, type Violation } from '../../validation/index.js';

/**
 * A one-line fix for a violation, in the imperative, from its keyword and the rule's value in the
 * document (`maxLength: 120` → "shorten name to at most 120 characters").
 */
export function violationHint(violation: Violation, document: unknown): string {
  const where = describe(violation);
  const rule = violation.schema === undefined ? undefined : getAtPointer(document, violation.schema);
  const member = lastToken(violation.pointer);
  switch (violation.keyword) {
    case 'required':
      return violation.in === 'body' && violation.pointer === '' ? 'send a request body' : `add ${where}`;
    case 'additionalProperties':
    case 'unevaluatedProperties':
      return `remove ${where}: the schema allows no member named ${JSON.stringify(member)}`;
    case 'type':
      return `send ${where} as ${article(Array.isArray(rule) ? rule.join(' or ') : String(rule ?? 'the declared type'))}`;
    case 'maxLength':
      return `shorten ${where} to at most ${rule} characters`;
    case 'minLength':
      return `make ${where} at least ${rule} character${rule === 1 ? '' : 's'} long`;
    case 'maximum':
      return `use a value of at most ${rule} for ${where}`;
    case 'minimum':
      return `use a value of at least ${rule} for ${where}`;
    case 'exclusiveMaximum':
      return `use a value below ${rule} for ${where}`;
    case 'exclusiveMinimum':
      return `use a value above ${rule} for ${where}`;
    case 'maxItems':
      return `send at most ${rule} items in ${where}`;
    case 'minItems':
      return `send at least ${rule} item${rule === 1 ? '' : 's'} in ${where}`;
    case 'uniqueItems':
      return `remove the repeated items from ${where}`;
    case 'enum':
      return `use one of ${Array.isArray(rule) ? rule.map((value) => JSON.stringify(value)).join(', ') : 'the listed values'} for ${where}`;
    case 'const':
      return `set ${where} to ${JSON.stringify(rule)}`;
    case 'pattern':
      return `make ${where} match the pattern ${typeof rule === 'string' ? rule : 'the schema gives'}`;
    case 'format':
      return `send ${where} as a valid ${typeof rule === 'string' ? rule : 'value of its format'}`;
    case 'oneOf':
      return `make ${where} match exactly one of the alternatives the schema lists`;
    case 'anyOf':
      return `make ${where} match at least one of the alternatives the schema lists`;
    case 'not':
      return `change ${where}: the schema forbids this shape`;
    default:
      return `fix ${where}: it ${violation.message}`;
  }
}

function lastToken(pointer: string): string {
  const tokens = pointer === '' ? [] : parsePointer(pointer);
  return tokens[tokens.length - 1] ?? '';
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}
