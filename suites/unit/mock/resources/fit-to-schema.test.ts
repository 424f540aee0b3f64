import { beforeAll, describe, expect, it } from 'vitest';
import { fitToSchema, type FitEngine } from '../../../../src/mock/resources/fit-to-schema.js';
import { StatelessResponder } from '../../../../src/mock/stateless.js';
import { SpecValidator } from '../../../../src/validation/index.js';
import { documentWith, inlineSpec } from '../../../helpers/inline-spec.js';

const POINTER = '#/components/schemas/Item';

describe('fitToSchema', () => {
  let engine: FitEngine;
  beforeAll(async () => {
    const spec = await inlineSpec(
      documentWith(
        '3.1.0',
        {},
        {
          Item: {
            type: 'object',
            additionalProperties: false,
            required: ['id', 'name'],
            properties: {
              id: { type: 'string', example: 'item_1' },
              name: { type: 'string', example: 'Sample' },
              size: { type: 'integer', maximum: 10, example: 3 },
              tags: { type: 'array', items: { type: 'string', enum: ['a', 'b'] } },
            },
          },
        },
      ),
    );
    const validator = new SpecValidator(spec);
    engine = { validator, responder: new StatelessResponder(validator) };
  });

  it('returns a valid value as it is', () => {
    const value = { id: 'x', name: 'kept', size: 2 };
    expect(fitToSchema(engine, POINTER, value)).toBe(value);
  });

  it('replaces a member that breaks the schema by the sample’s, drops unknown ones, refills required ones', () => {
    const fitted = fitToSchema(engine, POINTER, { id: 'x', size: 99, extra: true });
    expect(fitted).toEqual({ id: 'x', name: 'Sample', size: 3 });
  });

  it('replaces a broken array item by the sample’s first item and leaves the value it was given alone', () => {
    const value = { id: 'x', name: 'n', tags: ['a', 'zzz'] };
    const fitted = fitToSchema(engine, POINTER, value) as { tags: string[] };
    expect(fitted.tags).toHaveLength(2);
    expect(fitted.tags[0]).toBe('a');
    expect(['a', 'b']).toContain(fitted.tags[1]);
    expect(value.tags).toEqual(['a', 'zzz']);
  });

  it('falls back to the sample with the kept members laid over it, then to the sample', () => {
    expect(fitToSchema(engine, POINTER, 'not an object', { id: 'item_9' })).toMatchObject({ id: 'item_9', name: 'Sample' });
    expect(fitToSchema(engine, POINTER, 'not an object')).toMatchObject({ id: 'item_1', name: 'Sample' });
  });
});
