import { parsePointer } from '../../core/index.js';
import { overlay } from '../../model/resources/index.js';
import type { SpecValidator, Violation } from '../../validation/index.js';
import type { StatelessResponder } from '../stateless.js';

/** What fitting needs of the engine: the validator and valid samples of schemas. */
export interface FitEngine {
  validator: SpecValidator;
  responder: StatelessResponder;
}

// Each round mends what the last validation reported; nested failures (oneOf branches) take a few.
const ROUNDS = 4;

/**
 * A value the response schema at `pointer` accepts, as close to `value` as can be: members a
 * violation points at take the same member of a valid sample of the schema, or go when the sample
 * has none (a written member that breaks the schema is dropped); should that not do, the sample with
 * `keep` (the server's fields: id, timestamps, self links) laid over it; last, the sample itself.
 */
export function fitToSchema(engine: FitEngine, pointer: string, value: unknown, keep?: unknown): unknown {
  const base = engine.responder.sample(pointer);
  return (
    mend(engine.validator, pointer, value, base) ??
    (keep === undefined ? undefined : mend(engine.validator, pointer, overlay(base, keep), base)) ??
    base
  );
}

/** `value` if valid, else a mended copy that is, else undefined. */
function mend(validator: SpecValidator, pointer: string, value: unknown, base: unknown): unknown {
  let current = value;
  for (let round = 0; round <= ROUNDS; round++) {
    const violations = validator.check('response-body', pointer, current);
    if (violations.length === 0) return current;
    if (round === ROUNDS) break;
    // The value may share members with a cached sample; only a private copy is changed.
    if (round === 0) current = structuredClone(current);
    if (!repairAll(current, base, violations)) break;
  }
  return undefined;
}

/** Applies one repair per violated location, deepest first; false when none could be applied. */
function repairAll(target: unknown, base: unknown, violations: readonly Violation[]): boolean {
  const locations = [...new Set(violations.map((violation) => violation.pointer))]
    .map((pointer) => parsePointer(pointer))
    // Deepest first, and later array items before earlier ones, so removing an item shifts none still to mend.
    .sort((a, b) => b.length - a.length || b.join('/').localeCompare(a.join('/'), 'en', { numeric: true }));
  let changed = false;
  for (const tokens of locations) if (tokens.length > 0 && repair(target, base, tokens)) changed = true;
  return changed;
}

// The member at `tokens` takes the sample's value at the same place (any array index read as the
// sample's first item), or is removed when the sample has none there.
function repair(target: unknown, base: unknown, tokens: readonly string[]): boolean {
  const parent = at(target, tokens.slice(0, -1));
  const name = tokens[tokens.length - 1]!;
  if (parent === null || typeof parent !== 'object' || name === '__proto__') return false;
  const replacement = atSample(base, tokens);
  if (Array.isArray(parent)) {
    const index = Number(name);
    if (!Number.isInteger(index) || index >= parent.length) return false;
    if (replacement === undefined) parent.splice(index, 1);
    else parent[index] = structuredClone(replacement);
    return true;
  }
  const record = parent as Record<string, unknown>;
  if (replacement === undefined) {
    if (!(name in record)) return false;
    delete record[name];
  } else {
    record[name] = structuredClone(replacement);
  }
  return true;
}

function at(value: unknown, tokens: readonly string[]): unknown {
  let current = value;
  for (const token of tokens) {
    if (current === null || typeof current !== 'object') return undefined;
    current = Array.isArray(current) ? current[Number(token)] : (current as Record<string, unknown>)[token];
  }
  return current;
}

function atSample(sample: unknown, tokens: readonly string[]): unknown {
  let current = sample;
  for (const token of tokens) {
    if (current === null || typeof current !== 'object') return undefined;
    current = Array.isArray(current) ? current[0] : Object.hasOwn(current, token) ? (current as Record<string, unknown>)[token] : undefined;
  }
  return current;
}
