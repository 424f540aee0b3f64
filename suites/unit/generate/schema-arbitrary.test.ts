import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { UnsatisfiableSchema, sampleValue, schemaArbitrary } from '../../../src/generate/index.js';

const schemas: Record<string, unknown> = {
  Node: { type: 'object', required: ['next'], properties: { next: { $ref: '#/Node', nullable: true }, extra: { type: 'string' } } },
  List: { type: 'object', required: ['items'], properties: { items: { type: 'array', items: { $ref: '#/List' } } } },
  Loop: { type: 'object', required: ['self'], properties: { self: { $ref: '#/Loop' } } },
  Cat: { type: 'object', required: ['kind'], properties: { kind: { type: 'string' }, lives: { type: 'integer' } } },
  Dog: { type: 'object', required: ['kind', 'bark'], properties: { kind: { type: 'string' }, bark: { type: 'boolean' } } },
};
const ctx = (dialect: 'oas30' | 'oas31' = 'oas31') => ({ dialect, resolveRef: (ref: string) => schemas[ref.slice(2)] });
const depth = (value: unknown): number =>
  typeof value === 'object' && value !== null ? 1 + Math.max(0, ...Object.values(value).map(depth)) : 0;

describe('schemaArbitrary', () => {
  it('bounds recursion through arrays by emptying them at the depth limit', () => {
    const arb = schemaArbitrary({ $ref: '#/List' }, ctx(), { direction: 'response', maxDepth: 2 });
    fc.assert(fc.property(arb, (value) => depth(value) <= 2 * 2 + 2), { numRuns: 50 });
  });
  it('ends nullable recursion with null (3.0 nullable is ignored on a $ref, so 3.1 style here)', () => {
    const arb = schemaArbitrary({ type: 'object', properties: { n: { type: ['object', 'null'], properties: { n: { type: ['object', 'null'] } } } }, required: ['n'] }, ctx(), {
      direction: 'response',
      maxDepth: 1,
    });
    fc.assert(fc.property(arb, (value) => (value as { n: unknown }).n === null), { numRuns: 30 });
  });
  it('declares a required recursion with no way out unsatisfiable', () => {
    expect(() => schemaArbitrary({ $ref: '#/Loop' }, ctx(), { direction: 'response' })).toThrow(UnsatisfiableSchema);
  });
  it('leaves out readOnly properties in requests and writeOnly ones in responses', () => {
    const schema = { type: 'object', required: ['id', 'pw'], properties: { id: { type: 'string', readOnly: true }, pw: { type: 'string', writeOnly: true } } };
    fc.assert(fc.property(schemaArbitrary(schema, ctx(), { direction: 'request' }), (v) => !('id' in (v as object)) && 'pw' in (v as object)), { numRuns: 30 });
    fc.assert(fc.property(schemaArbitrary(schema, ctx(), { direction: 'response' }), (v) => 'id' in (v as object) && !('pw' in (v as object))), { numRuns: 30 });
  });
  it('sets the discriminator to the mapped name of the chosen branch', () => {
    const schema = { oneOf: [{ $ref: '#/Cat' }, { $ref: '#/Dog' }], discriminator: { propertyName: 'kind', mapping: { dog: '#/Dog' } } };
    fc.assert(
      fc.property(schemaArbitrary(schema, ctx(), { direction: 'response' }), (v) => {
        const value = v as Record<string, unknown>;
        return 'bark' in value ? value['kind'] === 'dog' : value['kind'] === 'Cat';
      }),
      { numRuns: 50 },
    );
  });
  it('caps arrays without maxItems at maxItems', () => {
    const arb = schemaArbitrary({ type: 'array', items: { type: 'integer' } }, ctx(), { direction: 'request', maxItems: 2 });
    fc.assert(fc.property(arb, (v) => (v as unknown[]).length <= 2), { numRuns: 50 });
  });
});

describe('sampleValue', () => {
  it('is a function of schema and seed', () => {
    const schema = { type: 'object', properties: { a: { type: 'string' }, b: { type: 'number' } } };
    const values = [1, 2, 3, 4, 5].map((seed) => sampleValue(schema, ctx(), { direction: 'response', seed }));
    expect([1, 2, 3, 4, 5].map((seed) => sampleValue(schema, ctx(), { direction: 'response', seed }))).toStrictEqual(values);
    expect(new Set(values.map((v) => JSON.stringify(v))).size).toBeGreaterThan(1);
  });
});
