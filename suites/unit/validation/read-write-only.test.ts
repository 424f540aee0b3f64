import { describe, expect, it } from 'vitest';
import { SpecValidator } from '../../../src/validation/index.js';
import { documentWith, inlineSpec } from '../../helpers/inline-spec.js';

describe('required readOnly / writeOnly properties (OAS 3.0 §4.7.25)', () => {
  it.each(['3.0.3', '3.1.0'] as const)(
    'a %s request may leave out readOnly, a response writeOnly; the rest stays required',
    async (version) => {
      const spec = await inlineSpec(
        documentWith(
          version,
          {},
          {
            User: {
              type: 'object',
              required: ['id', 'password', 'name'],
              properties: {
                id: { type: 'integer', readOnly: true },
                password: { $ref: '#/components/schemas/Secret' },
                name: { type: 'string' },
              },
            },
            Secret: { type: 'string', writeOnly: true },
          },
        ),
      );
      const validator = new SpecValidator(spec);
      const pointer = '#/components/schemas/User';
      expect(validator.check('body', pointer, { password: 'x', name: 'a' })).toEqual([]);
      expect(validator.check('response-body', pointer, { id: 1, name: 'a' })).toEqual([]);
      expect(
        validator
          .check('body', pointer, { id: 1 })
          .map((v) => v.pointer)
          .sort(),
      ).toEqual(['/name', '/password']);
      expect(
        validator
          .check('response-body', pointer, { password: 'x' })
          .map((v) => v.pointer)
          .sort(),
      ).toEqual(['/id', '/name']);
    },
  );
});
