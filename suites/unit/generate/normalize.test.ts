import { describe, it, expect } from 'vitest';
import { resolveSchema, toNeutral } from '../../../src/generate/normalize.js';

const ctx = (dialect: 'oas30' | 'oas31', schemas: Record<string, unknown> = {}) => ({
  dialect,
  resolveRef: (ref: string) => schemas[ref.split('/').pop() ?? ''],
});

describe('toNeutral', () => {
  it('reads 3.0 nullable and boolean exclusive bounds', () => {
    expect(toNeutral({ type: 'integer', nullable: true, minimum: 1, exclusiveMinimum: true, example: 2 }, 'oas30')).toEqual({
      type: ['integer', 'null'],
      exclusiveMinimum: 1,
      examples: [2],
    });
  });
  it('ignores nullable in 3.1 and keeps numeric exclusive bounds', () => {
    expect(toNeutral({ type: ['string', 'null'], nullable: true, exclusiveMaximum: 3 }, 'oas31')).toEqual({ type: ['string', 'null'], exclusiveMaximum: 3 });
  });
});

describe('resolveSchema', () => {
  it('follows refs, names the target and merges allOf', () => {
    const schemas = { Base: { type: 'object', required: ['a'] }, Child: { allOf: [{ $ref: '#/c/Base' }, { required: ['b'] }] } };
    const resolved = resolveSchema({ $ref: '#/c/Child' }, ctx('oas31', schemas));
    expect(resolved.name).toBe('Child');
    expect(resolved.refs).toEqual(['#/c/Child', '#/c/Base']);
    expect(resolved.schema).toMatchObject({ type: ['object'], required: ['a', 'b'] });
  });
  it('ignores $ref siblings in 3.0 but applies them in 3.1', () => {
    const schemas = { S: { type: 'string' } };
    expect(resolveSchema({ $ref: '#/S', maxLength: 2 }, ctx('oas30', schemas)).schema).toEqual({ type: ['string'] });
    expect(resolveSchema({ $ref: '#/S', maxLength: 2 }, ctx('oas31', schemas)).schema).toEqual({ type: ['string'], maxLength: 2 });
  });
  it('reports false as null and throws on a pure $ref cycle', () => {
    expect(resolveSchema(false, ctx('oas31')).schema).toBeNull();
    expect(() => resolveSchema({ $ref: '#/A' }, ctx('oas31', { A: { $ref: '#/A' } }))).toThrow(/cycle/);
  });
});
