import { describe, expect, it } from 'vitest';
import { SpecValidator } from '../../../src/validation/index.js';
import { documentWith, inlineSpec } from '../../helpers/inline-spec.js';

const json = (schema: object) => ({ content: { 'application/json': { schema } } });
const responseSchema = (path: string, method: string, status: string) =>
  `#/paths/${path.replace(/\//g, '~1')}/${method}/responses/${status}/content/application~1json/schema`;

async function petDocument() {
  return inlineSpec(
    documentWith(
      '3.1.0',
      {
        '/pets/{id}': {
          get: {
            parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
            responses: {
              // Only a $ref (with an annotation): the validator of Pet itself.
              '200': json({ $ref: '#/components/schemas/Pet', description: 'the pet' }),
              // A $ref through another component that is only a $ref.
              '203': json({ $ref: '#/components/schemas/PetAlias' }),
              // A sibling that constrains (JSON Schema 2020-12 §8.2.3.1 applies it beside the $ref).
              '206': json({ $ref: '#/components/schemas/Pet', required: ['tag'] }),
            },
          },
          put: { responses: { '200': json({ $ref: '#/components/schemas/Pet' }) } },
        },
      },
      {
        Pet: { type: 'object', required: ['name'], properties: { name: { type: 'string' }, tag: { type: 'string' } } },
        PetAlias: { $ref: '#/components/schemas/Pet' },
      },
    ),
  );
}

describe('SpecValidator compiles a schema that is only a $ref as its target', () => {
  it('responses naming one component share its validator, however many hops away', async () => {
    const validator = new SpecValidator(await petDocument());
    const pet = validator.validatorAt('#/components/schemas/Pet');
    expect(validator.validatorAt(responseSchema('/pets/{id}', 'get', '200'))).toBe(pet);
    expect(validator.validatorAt(responseSchema('/pets/{id}', 'get', '203'))).toBe(pet);
    expect(validator.validatorAt(responseSchema('/pets/{id}', 'put', '200'))).toBe(pet);
  });

  it('a $ref beside a constraining keyword keeps a validator of its own, which applies both', async () => {
    const validator = new SpecValidator(await petDocument());
    const pointer = responseSchema('/pets/{id}', 'get', '206');
    expect(validator.validatorAt(pointer)).not.toBe(validator.validatorAt('#/components/schemas/Pet'));
    expect(validator.check('response-body', pointer, { name: 'Rex' }).map((v) => [v.pointer, v.keyword])).toEqual([['/tag', 'required']]);
    expect(validator.check('response-body', pointer, { tag: 'dog' }).map((v) => [v.pointer, v.keyword])).toEqual([['/name', 'required']]);
  });

  it('violations through a shared validator point into the component, as before', async () => {
    const validator = new SpecValidator(await petDocument());
    expect(validator.check('response-body', responseSchema('/pets/{id}', 'put', '200'), { name: 7 })).toEqual([
      {
        in: 'response-body',
        pointer: '/name',
        keyword: 'type',
        message: 'must be string',
        schema: '#/components/schemas/Pet/properties/name/type',
      },
    ]);
  });
});
