import { describe, expect, it } from 'vitest';
import { SchemaReader } from '../../../../src/model/resources/schema-reader.js';
import type { OpenApiDocument } from '../../../../src/openapi/index.js';

const document = {
  openapi: '3.1.0',
  components: {
    schemas: {
      Named: { type: 'object', required: ['name'], properties: { name: { type: 'string' } } },
      Loop: { allOf: [{ $ref: '#/components/schemas/Loop' }, { properties: { next: { $ref: '#/components/schemas/Loop' } } }] },
      Cat: { type: 'object', properties: { meow: { type: 'boolean' } } },
      Dog: { type: 'object', properties: { bark: { type: 'boolean' } } },
    },
  },
} as unknown as OpenApiDocument;

describe('SchemaReader', () => {
  const reader = new SchemaReader(document);

  it('merges allOf members, refs and 3.1 siblings of a ref into one object shape', () => {
    const shape = reader.object({ allOf: [{ $ref: '#/components/schemas/Named' }, { properties: { id: { type: 'integer' } }, additionalProperties: false }] })!;
    expect([...shape.properties.keys()]).toEqual(['name', 'id']);
    expect([...shape.required]).toEqual(['name']);
    expect(shape.closed).toBe(true);
    expect(reader.facet({ $ref: '#/components/schemas/Named', readOnly: true }).readOnly).toBe(true);
  });

  it('reads every way of saying null', () => {
    expect(reader.facet({ type: ['string', 'null'] })).toMatchObject({ nullable: true, types: new Set(['string']) });
    expect(reader.facet({ type: 'string', nullable: true }).nullable).toBe(true);
    expect(reader.facet({ oneOf: [{ type: 'null' }, { type: 'integer', minimum: 3 }] })).toMatchObject({ nullable: true, minimum: 3, types: new Set(['integer']) });
    expect(reader.facet({ enum: ['a', null] }).nullable).toBe(true);
    expect(reader.facet({ type: 'string' }).nullable).toBe(false);
  });

  it('gives a polymorphic object every branch member', () => {
    const shape = reader.object({ oneOf: [{ $ref: '#/components/schemas/Cat' }, { $ref: '#/components/schemas/Dog' }] })!;
    expect([...shape.properties.keys()].sort()).toEqual(['bark', 'meow']);
  });

  it('ends on circular schemas and on dangling refs', () => {
    const shape = reader.object({ $ref: '#/components/schemas/Loop' })!;
    expect([...shape.properties.keys()]).toEqual(['next']);
    expect(reader.object(shape.properties.get('next'))!.properties.has('next')).toBe(true);
    expect(reader.object({ $ref: '#/components/schemas/Missing' })).toBeUndefined();
    expect(reader.facet({ $ref: '#/nowhere' }).types.size).toBe(0);
  });

  it('finds array items, merging a refined generic wrapper', () => {
    expect(reader.arrayItems({ type: 'array', items: { type: 'string' } })).toEqual({ type: 'string' });
    expect(reader.arrayItems({ type: 'array' })).toEqual({});
    expect(reader.arrayItems({ type: 'object' })).toBeUndefined();
    const merged = reader.arrayItems({ allOf: [{ items: { type: 'object' } }, { items: { $ref: '#/components/schemas/Named' } }] });
    expect([...reader.object(merged)!.properties.keys()]).toEqual(['name']);
  });
});
