import fc from 'fast-check';
import { translatePattern } from '../openapi/index.js';
import type { Schema } from './context.js';
import { UnsatisfiableSchema } from './context.js';
import { formatArbitrary } from './formats.js';
import { probedFilter } from './probe.js';

/** How much longer than minLength an unbounded string may grow. */
const DEFAULT_SPAN = 16;

const ascii = fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code));
const unicode = fc.constantFrom('é', 'ß', 'ñ', 'Ω', 'ж', '日', '本', '€', '😀', '🚀');
// Each unit is exactly one code point so fast-check's length equals JSON Schema's length.
const unit = fc.oneof({ weight: 12, arbitrary: ascii }, { weight: 1, arbitrary: unicode });

/** Length in Unicode code points, as JSON Schema counts `minLength`/`maxLength`. */
export function codePointLength(value: string): number {
  let length = 0;
  for (const _ of value) length++;
  return length;
}

/**
 * Compiles a schema `pattern` as the validator does: ECMAScript with the `u` flag, after the
 * translation of other engines' syntax; undefined when it cannot be (the loader warned about it).
 */
export function compilePattern(pattern: string): RegExp | undefined {
  return translatePattern(pattern).regex;
}

/** The length bounds of a string schema, with the default cap applied. */
export function lengthBounds(schema: Schema): { min: number; max: number } {
  const min = typeof schema['minLength'] === 'number' ? Math.max(0, Math.ceil(schema['minLength'])) : 0;
  const max = typeof schema['maxLength'] === 'number' ? Math.floor(schema['maxLength']) : min + DEFAULT_SPAN;
  if (min > max) throw new UnsatisfiableSchema(`minLength ${min} exceeds maxLength ${max}`);
  return { min, max };
}

/** Plain strings (mostly printable ASCII, some Unicode) of a length between the bounds. */
export function plainString(min: number, max: number): fc.Arbitrary<string> {
  return fc.string({ unit, minLength: min, maxLength: max });
}

// Arbitraries are immutable, and building one costs: fast-check tokenises a pattern into
// arbitraries and probedFilter draws a sample. Many operations share a string schema (each
// resource's id pattern names a path parameter of most of them), so each distinct one is built once.
const built = new Map<string, fc.Arbitrary<string>>();

/** Strings satisfying a schema's length, `pattern` and known `format`. */
export function stringArbitrary(schema: Schema): fc.Arbitrary<string> {
  // The four keywords below are all that the arbitrary depends on.
  const key = JSON.stringify([schema['minLength'], schema['maxLength'], schema['pattern'], schema['format']]);
  let arbitrary = built.get(key);
  if (arbitrary === undefined) built.set(key, (arbitrary = buildString(schema)));
  return arbitrary;
}

function buildString(schema: Schema): fc.Arbitrary<string> {
  const { min, max: plainMax } = lengthBounds(schema);
  // The default cap keeps plain strings short; formats and patterns bring their own length.
  const max = typeof schema['maxLength'] === 'number' ? plainMax : Infinity;
  const lengthOk = (s: string): boolean => {
    const length = codePointLength(s);
    return length >= min && length <= max;
  };
  const pattern = typeof schema['pattern'] === 'string' ? translatePattern(schema['pattern']) : undefined;
  const regex = pattern?.regex;
  const format = formatArbitrary(schema['format']);
  if (format !== undefined) {
    try {
      return probedFilter(format, (s) => lengthOk(s) && (regex === undefined || regex.test(s)), 'format');
    } catch (error) {
      if (regex === undefined) throw error;
    }
  }
  if (regex !== undefined) return patternString(regex, pattern?.generating, min, max, lengthOk);
  return plainString(min, plainMax);
}

function patternString(
  regex: RegExp,
  generating: RegExp | undefined,
  min: number,
  max: number,
  lengthOk: (s: string) => boolean,
): fc.Arbitrary<string> {
  let matching: fc.Arbitrary<string>;
  try {
    // fc.stringMatching rejects some syntax (lookarounds, back-references, the `i` flag): it gets
    // the pattern without those, and the filter below holds every value to the real one.
    // Without a declared maxLength the pattern alone decides the length (an anchored id pattern
    // such as ^pet_[0-9a-f]{32}$ needs 36 characters); fast-check keeps open-ended repeats small.
    matching = fc.stringMatching(generating ?? regex, Number.isFinite(max) ? { maxLength: Math.max(max, min) } : {});
  } catch {
    matching = plainString(min, Number.isFinite(max) ? max : min + 2 * DEFAULT_SPAN);
  }
  return probedFilter(matching, (s) => lengthOk(s) && regex.test(s), `pattern ${regex.source}`);
}
