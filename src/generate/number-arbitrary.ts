import fc from 'fast-check';
import type { Schema } from './context.js';
import { UnsatisfiableSchema } from './context.js';
import { NUMBER_FORMAT_RANGES } from './formats.js';
import { probedFilter } from './probe.js';

/** Unbounded sides stay this close to the other bound (or to zero) to keep values readable. */
const WINDOW = 1000;

/** Whether `value` is a multiple of `step` exactly as Ajv decides it (`value / step` is an integer). */
export function isMultipleOf(value: number, step: number): boolean {
  if (step === 0) return false;
  const ratio = value / step;
  return ratio === Number.parseInt(String(ratio), 10);
}

/** Numeric bounds of a schema after folding in its format; each side may be exclusive. */
export interface NumberBounds {
  min: number;
  max: number;
  minExcluded: boolean;
  maxExcluded: boolean;
}

/** Reads minimum/maximum/exclusive*, the format's range and the default window into one range. */
export function numberBounds(schema: Schema, integer: boolean): NumberBounds {
  const num = (key: string): number | undefined => (typeof schema[key] === 'number' ? (schema[key] as number) : undefined);
  const range = typeof schema['format'] === 'string' ? NUMBER_FORMAT_RANGES[schema['format']] : undefined;
  let lo = { value: -Infinity, excluded: false };
  let hi = { value: Infinity, excluded: false };
  const minimum = num('minimum');
  const xmin = num('exclusiveMinimum');
  const maximum = num('maximum');
  const xmax = num('exclusiveMaximum');
  if (minimum !== undefined) lo = { value: minimum, excluded: false };
  if (xmin !== undefined && xmin >= lo.value) lo = { value: xmin, excluded: true };
  if (maximum !== undefined) hi = { value: maximum, excluded: false };
  if (xmax !== undefined && xmax <= hi.value) hi = { value: xmax, excluded: true };
  if (lo.value === -Infinity) lo = { value: Number.isFinite(hi.value) ? Math.min(hi.value, 0) - WINDOW : -WINDOW, excluded: false };
  if (hi.value === Infinity) hi = { value: Math.max(lo.value, 0) + WINDOW, excluded: false };
  if (range !== undefined && range.min > lo.value) lo = { value: range.min, excluded: false };
  if (range !== undefined && range.max < hi.value) hi = { value: range.max, excluded: false };
  if (integer) {
    lo = { value: lo.excluded ? Math.floor(lo.value) + 1 : Math.ceil(lo.value), excluded: false };
    hi = { value: hi.excluded ? Math.ceil(hi.value) - 1 : Math.floor(hi.value), excluded: false };
    lo.value = Math.max(lo.value, Number.MIN_SAFE_INTEGER);
    hi.value = Math.min(hi.value, Number.MAX_SAFE_INTEGER);
  }
  const empty = lo.value > hi.value || (lo.value === hi.value && (lo.excluded || hi.excluded));
  if (empty) throw new UnsatisfiableSchema(`no number between ${lo.value} and ${hi.value}`);
  return { min: lo.value, max: hi.value, minExcluded: lo.excluded, maxExcluded: hi.excluded };
}

/** Whether a number lies inside the bounds. */
export function inBounds(value: number, b: NumberBounds): boolean {
  const above = b.minExcluded ? value > b.min : value >= b.min;
  const below = b.maxExcluded ? value < b.max : value <= b.max;
  return above && below;
}

// JSON has no -0: it would come back as 0.
const noNegativeZero = (value: number): number => (Object.is(value, -0) ? 0 : value);

/**
 * Finite JSON numbers (integers when `integer`) satisfying bounds, format and multipleOf. Readable
 * numbers are non-negative where the schema sets no lower bound, and short decimals only.
 */
export function numberArbitrary(schema: Schema, integer: boolean, readable = false): fc.Arbitrary<number> {
  const bounds = numberBounds(readable ? nonNegative(schema) : schema, integer);
  const step = typeof schema['multipleOf'] === 'number' && schema['multipleOf'] > 0 ? schema['multipleOf'] : undefined;
  if (step !== undefined) return multiples(step, bounds, integer);
  if (integer) return fc.integer({ min: bounds.min, max: bounds.max }).map(noNegativeZero);
  const doubles = fc.double({ ...bounds, noNaN: true, noDefaultInfinity: true }).map(noNegativeZero);
  const centsMin = Math.ceil(Math.max(bounds.min, -1e12) * 100);
  const centsMax = Math.floor(Math.min(bounds.max, 1e12) * 100);
  // Too few cents in range to be sure one lies strictly inside exclusive bounds.
  if (centsMax - centsMin < 2) return doubles;
  const cents = fc.integer({ min: centsMin, max: centsMax }).map((n) => noNegativeZero(n / 100));
  if (readable) return cents.filter((v) => inBounds(v, bounds));
  // Short decimals are what real payloads carry; raw doubles probe the edges.
  return fc.oneof({ weight: 3, arbitrary: cents.filter((v) => inBounds(v, bounds)) }, { weight: 1, arbitrary: doubles });
}

// Counts, ids and amounts are rarely negative: without a declared lower bound, start at zero when
// the upper bound leaves room.
function nonNegative(schema: Schema): Schema {
  if (typeof schema['minimum'] === 'number' || typeof schema['exclusiveMinimum'] === 'number') return schema;
  const upper = typeof schema['maximum'] === 'number' ? schema['maximum'] : schema['exclusiveMaximum'];
  return typeof upper === 'number' && upper <= 0 ? schema : { ...schema, minimum: 0 };
}

function multiples(step: number, bounds: NumberBounds, integer: boolean): fc.Arbitrary<number> {
  const kMin = Math.ceil(bounds.min / step);
  const kMax = Math.floor(bounds.max / step);
  if (kMin > kMax) throw new UnsatisfiableSchema(`no multiple of ${step} in range`);
  const candidates = fc
    .integer({ min: Math.max(kMin, -1e15), max: Math.min(kMax, 1e15) })
    // toPrecision repairs binary noise such as 7 * 0.01 = 0.07000000000000001.
    .map((k) => noNegativeZero(Number((k * step).toPrecision(15))));
  const ok = (v: number): boolean => inBounds(v, bounds) && isMultipleOf(v, step) && (!integer || Number.isInteger(v));
  return probedFilter(candidates, ok, `multipleOf ${step}`);
}
