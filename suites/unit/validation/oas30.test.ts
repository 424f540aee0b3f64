import { describe, expect, it } from 'vitest';
import { convertOas30Document } from '../../../src/validation/index.js';

describe('convertOas30Document', () => {
  it('turns nullable into a null type and keeps enums consistent', () => {
    expect(convertOas30Document({ type: 'string', nullable: true, enum: ['a'] })).toEqual({ type: ['string', 'null'], enum: ['a', null] });
  });

  it('wraps typeless nullable schemas in anyOf', () => {
    expect(convertOas30Document({ allOf: [{ $ref: '#/x' }], nullable: true })).toEqual({
      anyOf: [{ allOf: [{ $ref: '#/x' }] }, { type: 'null' }],
    });
  });

  it('converts boolean exclusive bounds to numeric ones', () => {
    expect(convertOas30Document({ type: 'number', minimum: 0, exclusiveMinimum: true, maximum: 5, exclusiveMaximum: false })).toEqual({
      type: 'number',
      exclusiveMinimum: 0,
      maximum: 5,
    });
  });

  it('leaves a property called nullable alone', () => {
    const schema = { type: 'object', properties: { nullable: { type: 'boolean' } } };
    expect(convertOas30Document(schema)).toEqual(schema);
  });

  it('does not modify its input', () => {
    const input = { type: 'string', nullable: true };
    convertOas30Document(input);
    expect(input).toEqual({ type: 'string', nullable: true });
  });
});
