import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readScalarText } from '../../src/core/index.js';
import { hasNegative, negativeArbitrary } from '../../src/generate/index.js';
import { CORPUS, contextFor } from './support/corpus.js';
import { createValidators } from './support/oas-ajv.js';

const numRuns = Number(process.env['FC_NUM_RUNS'] ?? 60);
const seed = Number(process.env['FC_SEED'] ?? Date.now() % 100_000);
const AS_TEXT = { direction: 'request', text: true } as const;
const SCALARS = new Set(['string', 'number', 'integer', 'boolean', 'null']);

/** The types a scalar schema names (3.0's nullable as null), or undefined when it is not a scalar one. */
function scalarTypes(schema: unknown, dialect: 'oas30' | 'oas31'): Set<string> | undefined {
  if (schema === null || typeof schema !== 'object') return undefined;
  const node = schema as { type?: unknown; nullable?: unknown };
  const types = Array.isArray(node.type) ? node.type : typeof node.type === 'string' ? [node.type] : [];
  if (types.length === 0 || !types.every((type) => SCALARS.has(type as string))) return undefined;
  return new Set([...(types as string[]), ...(dialect === 'oas30' && node.nullable === true ? ['null'] : [])]);
}

// Schemas a parameter typically has, beside the corpus's scalar ones: a type alone is where a
// number "mutation" of a string used to pass as the string "42".
const PARAMETERS: Record<string, unknown> = {
  string: { type: 'string' },
  'string with a pattern': { type: 'string', pattern: '^agentver_[0-9a-f]{32}$' },
  'nullable string': { type: ['string', 'null'], maxLength: 3 },
  integer: { type: 'integer', minimum: 1, maximum: 100 },
  boolean: { type: 'boolean' },
  'integer enum': { type: 'integer', enum: [1, 2, 3] },
  'string enum of digits': { type: 'string', enum: ['1', '2'] },
  'nullable boolean': { type: ['boolean', 'null'] },
};

const cases = [
  ...CORPUS.filter((c) => scalarTypes(c.schema, c.dialect)),
  ...Object.entries(PARAMETERS).map(([name, schema]) => ({ name, dialect: 'oas31' as const, components: {}, schema })),
];

describe(`a negative value that travels as text is still invalid once read back (seed ${seed})`, () => {
  const validators = new Map<unknown, ReturnType<typeof createValidators>>();
  for (const c of cases) {
    const types = scalarTypes(c.schema, c.dialect)!;
    const context = contextFor(c);
    it(`${c.name}`, () => {
      if (!hasNegative(c.schema, context, AS_TEXT)) return;
      if (!validators.has(c.components)) validators.set(c.components, createValidators(c.components, c.dialect, 'request'));
      const validate = validators.get(c.components)!(c.schema);
      fc.assert(
        fc.property(negativeArbitrary(c.schema, context, AS_TEXT), (negative) => {
          const onTheWire = readScalarText(String(negative.value), types);
          const outcome = validate(onTheWire);
          expect(outcome.valid, `${JSON.stringify(negative.value)} read back as ${JSON.stringify(onTheWire)}`).toBe(false);
          expect(outcome.errors.map((e) => e.keyword)).toContain(negative.keyword);
        }),
        { numRuns, seed },
      );
    });
  }

  it('offers nothing where no text breaks the schema: any text is a string', () => {
    const ctx = { dialect: 'oas31' as const, resolveRef: () => undefined };
    expect(hasNegative({ type: 'string' }, ctx, AS_TEXT)).toBe(false);
    expect(hasNegative({ type: 'string' }, ctx, { direction: 'request' })).toBe(true);
    expect(hasNegative({ type: ['string', 'null'] }, ctx, AS_TEXT)).toBe(false);
  });
});
