import type { Schema } from './context.js';
import { UnsatisfiableSchema } from './context.js';
import { jsonEqual } from '../core/index.js';
import { compilePattern } from './string-arbitrary.js';

const LOWER = new Set(['minimum', 'exclusiveMinimum', 'minLength', 'minItems', 'minProperties']);
const UPPER = new Set(['maximum', 'exclusiveMaximum', 'maxLength', 'maxItems', 'maxProperties']);
// Examples and defaults describe one part; they need not satisfy the merged whole.
const DROPPED = new Set(['examples', 'default', 'title', 'description']);

/**
 * Merges two dialect-neutral schemas as `allOf` does: types and enums intersect, required and
 * properties unite, bounds tighten. What cannot be combined keyword by keyword is kept whole in
 * `__filters`, which generators check every value against.
 */
export function mergeSchemas(a: Schema, b: Schema): Schema {
  const out: Schema = { ...a };
  const filters = [...asArray(a['__filters']), ...asArray(b['__filters'])];
  let conflict = false;
  for (const [key, bv] of Object.entries(b)) {
    if (key === '__filters') continue;
    if (!(key in out)) {
      out[key] = bv;
      continue;
    }
    const av = out[key];
    if (key === 'type') out[key] = intersectTypes(av as string[], bv as string[]);
    else if (key === 'required') out[key] = [...new Set([...asArray(av), ...asArray(bv)])];
    else if (key === 'properties') out[key] = mergeProperties(av as Schema, bv as Schema);
    else if (key === 'enum') out[key] = asArray(av).filter((x) => asArray(bv).some((y) => jsonEqual(x, y)));
    else if (key === 'readOnly' || key === 'writeOnly') out[key] = av === true || bv === true;
    else if (key === 'discriminator') continue;
    else if (LOWER.has(key) && typeof av === 'number' && typeof bv === 'number') out[key] = Math.max(av, bv);
    else if (UPPER.has(key) && typeof av === 'number' && typeof bv === 'number') out[key] = Math.min(av, bv);
    else if (key === 'items' || key === 'additionalProperties') out[key] = mergeSubschemas(av, bv);
    else if (!jsonEqual(av, bv)) conflict = true;
  }
  for (const key of DROPPED) delete out[key];
  restrictClosedProperties(out, a, b);
  if (conflict) filters.push(b);
  if (filters.length > 0) out['__filters'] = filters;
  if (Array.isArray(out['enum']) && out['enum'].length === 0) throw new UnsatisfiableSchema('allOf enums do not intersect');
  return out;
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function intersectTypes(a: string[], b: string[]): string[] {
  const out = a.filter((t) => b.includes(t) || (t === 'integer' && b.includes('number')));
  if (b.includes('integer') && a.includes('number') && !out.includes('integer')) out.push('integer');
  if (out.length === 0) throw new UnsatisfiableSchema(`allOf types ${a.join('|')} and ${b.join('|')} are disjoint`);
  return out;
}

function mergeProperties(a: Schema, b: Schema): Schema {
  const out: Schema = { ...a };
  for (const [key, schema] of Object.entries(b)) {
    out[key] = key in a ? { allOf: [a[key], schema] } : schema;
  }
  return out;
}

function mergeSubschemas(a: unknown, b: unknown): unknown {
  if (a === false || b === false) return false;
  if (a === true || a === undefined) return b;
  if (b === true) return a;
  return { allOf: [a, b] };
}

// A part with additionalProperties: false forbids the other parts' extra properties too.
function restrictClosedProperties(out: Schema, a: Schema, b: Schema): void {
  if (out['properties'] === undefined) return;
  const properties: Schema = { ...(out['properties'] as Schema) };
  out['properties'] = properties;
  for (const closed of [a, b]) {
    if (closed['additionalProperties'] !== false) continue;
    const allowed = Object.keys((closed['properties'] as Schema | undefined) ?? {});
    const patterns = Object.keys((closed['patternProperties'] as Schema | undefined) ?? {});
    for (const key of Object.keys(properties)) {
      if (allowed.includes(key) || patterns.some((p) => compilePattern(p)?.test(key))) continue;
      if (asArray(out['required']).includes(key)) throw new UnsatisfiableSchema(`required ${key} is forbidden`);
      delete properties[key];
    }
  }
}
