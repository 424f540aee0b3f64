import type { Schema } from './context.js';
import { invalidForFormat } from './formats.js';
import { jsonEqual, readScalarText } from '../core/index.js';
import { hasType } from './matches.js';
import { isMultipleOf } from './number-arbitrary.js';
import { codePointLength, compilePattern } from './string-arbitrary.js';

/** One invalid value for the schema itself (pointer ''), with the Ajv keyword it breaks. */
export interface LeafMutation {
  value: unknown;
  keyword: string;
  description: string;
}

const WRONG_TYPES: unknown[] = [42, 'text', true, { unexpected: true }, ['item'], null, 1.5];
// As text only scalars travel, and only text a string type refuses stays wrong: 'text' for a number.
const WRONG_TEXT_TYPES: unknown[] = ['text', 1.5, 42];

const STRING_KEYWORDS = new Set(['minLength', 'maxLength', 'pattern', 'format']);

/**
 * Scalar mutations: wrong type, outside enum/const, string length/pattern/format, number bounds.
 * With `text`, only those whose text, read back by the schema's type, still breaks the schema.
 */
export function leafMutations(schema: Schema, text = false): LeafMutation[] {
  const out: LeafMutation[] = [];
  const types = schema['type'] as string[] | undefined;
  const allows = (v: unknown): boolean => types === undefined || types.some((t) => hasType(v, t));
  if (types !== undefined && !(text && (types.includes('array') || types.includes('object')))) {
    const wrong = (text ? WRONG_TEXT_TYPES : WRONG_TYPES).find((v) => !allows(text ? readBack(v, types) : v));
    if (wrong !== undefined) out.push({ value: wrong, keyword: 'type', description: `not of type ${types.join('|')}` });
  }
  for (const keyword of ['enum', 'const'] as const) {
    if (!(keyword in schema)) continue;
    const allowed = keyword === 'enum' ? ((schema['enum'] as unknown[] | undefined) ?? []) : [schema['const']];
    const candidates = ['zz-not-allowed', 987654, false, true, 'zz-not-allowed-2'];
    const value = candidates.find((v) => allows(v) && !allowed.some((a) => jsonEqual(a, v)));
    if (value !== undefined) out.push({ value, keyword, description: `outside the ${keyword}` });
  }
  if (!(Array.isArray(schema['enum']) || 'const' in schema)) {
    if (types === undefined || types.includes('string')) out.push(...stringMutations(schema, text));
    if (types === undefined || types.includes('number') || types.includes('integer')) {
      out.push(...numberMutations(schema, types !== undefined && !types.includes('number')));
    }
  }
  return text ? out.filter((mutation) => survivesAsText(schema, types, mutation)) : out;
}

/**
 * Whether a mutation's text is still invalid once read back by the schema's type, as a server
 * reads a parameter: a number in a string parameter is just the string "42".
 */
function survivesAsText(schema: Schema, types: string[] | undefined, mutation: LeafMutation): boolean {
  const value = mutation.value;
  if (value !== null && typeof value === 'object') return false;
  const read = readBack(value, types);
  if (mutation.keyword === 'type') return types !== undefined && !types.some((t) => hasType(read, t));
  if (mutation.keyword === 'enum' || mutation.keyword === 'const') {
    const allowed = mutation.keyword === 'enum' ? ((schema['enum'] as unknown[] | undefined) ?? []) : [schema['const']];
    return (types === undefined || types.some((t) => hasType(read, t))) && !allowed.some((a) => jsonEqual(a, read));
  }
  return STRING_KEYWORDS.has(mutation.keyword) ? typeof read === 'string' : typeof read === 'number';
}

/** A scalar as a server reads its text back by the schema's types. */
function readBack(value: unknown, types: string[] | undefined): unknown {
  return readScalarText(String(value), new Set(types ?? []));
}

function stringMutations(schema: Schema, text: boolean): LeafMutation[] {
  const out: LeafMutation[] = [];
  const min = typeof schema['minLength'] === 'number' ? schema['minLength'] : 0;
  const max = typeof schema['maxLength'] === 'number' ? schema['maxLength'] : Infinity;
  if (min > 0) out.push({ value: 'a'.repeat(Math.ceil(min) - 1), keyword: 'minLength', description: `shorter than ${min}` });
  if (Number.isFinite(max) && max < 10_000) {
    out.push({ value: 'a'.repeat(Math.floor(max) + 1), keyword: 'maxLength', description: `longer than ${max}` });
  }
  const fits = (s: string): boolean => codePointLength(s) >= min && codePointLength(s) <= max;
  const regex = typeof schema['pattern'] === 'string' ? compilePattern(schema['pattern']) : undefined;
  if (regex !== undefined) {
    // As text an empty value is often no value at all (an empty path segment is another route): tried last.
    const seeds = text
      ? [' ', '!', '~', 'a', 'A', '0', '-', '_', 'é', ' !~', '']
      : ['', ' ', '!', '~', 'a', 'A', '0', '-', '_', 'é', ' !~'];
    const candidates = seeds
      .flatMap((seed) => [seed, seed.repeat(Math.max(1, Math.ceil(min)))])
      .map((s) => s.slice(0, Math.min(s.length, max)));
    const value = candidates.find((s) => fits(s) && !regex.test(s));
    if (value !== undefined) out.push({ value, keyword: 'pattern', description: `does not match ${regex.source}` });
  } else {
    const value = invalidForFormat(schema['format']);
    if (value !== undefined && fits(value)) out.push({ value, keyword: 'format', description: `not a valid ${String(schema['format'])}` });
  }
  return out;
}

function numberMutations(schema: Schema, integer: boolean): LeafMutation[] {
  const out: LeafMutation[] = [];
  const num = (key: string): number | undefined => (typeof schema[key] === 'number' ? (schema[key] as number) : undefined);
  const below = (bound: number): number => (integer ? Math.ceil(bound) - 1 : bound - 1);
  const above = (bound: number): number => (integer ? Math.floor(bound) + 1 : bound + 1);
  const minimum = num('minimum');
  const maximum = num('maximum');
  const xmin = num('exclusiveMinimum');
  const xmax = num('exclusiveMaximum');
  const safe = (v: number): boolean => Number.isSafeInteger(v) || (!integer && Number.isFinite(v));
  const push = (value: number, keyword: string, description: string): void => {
    if (safe(value)) out.push({ value: Object.is(value, -0) ? 0 : value, keyword, description });
  };
  if (minimum !== undefined) push(below(minimum), 'minimum', `below ${minimum}`);
  if (maximum !== undefined) push(above(maximum), 'maximum', `above ${maximum}`);
  if (xmin !== undefined) push(integer ? Math.floor(xmin) : xmin, 'exclusiveMinimum', `not above ${xmin}`);
  if (xmax !== undefined) push(integer ? Math.ceil(xmax) : xmax, 'exclusiveMaximum', `not below ${xmax}`);
  const step = num('multipleOf');
  if (step !== undefined && step > 0) {
    const lo = Math.max(minimum ?? -Infinity, xmin ?? -Infinity);
    const k = Number.isFinite(lo) ? Math.ceil(lo / step) : 0;
    const candidates = [k * step + step / 2, (k + 1) * step + step / 2, k * step + 1, k * step - 1];
    const value = candidates.find((v) => Number.isFinite(v) && !isMultipleOf(v, step));
    if (value !== undefined) push(value, 'multipleOf', `not a multiple of ${step}`);
  }
  if (schema['format'] === 'int32') push(2 ** 31, 'format', 'outside int32');
  return out;
}
