import { describe, expect, it } from 'vitest';
import { SpecValidator } from '../../../src/validation/index.js';
import { inlineSpec } from '../../helpers/inline-spec.js';

/** A violation names the document pointer of the rule it breaks, however deep the refs that led there. */
describe('violation schema locations', () => {
  it('points into components through a chain of refs, and into paths for inline schemas', async () => {
    const spec = await inlineSpec({
      openapi: '3.1.0',
      info: { title: 't', version: '1' },
      paths: {
        '/pets/{id}': {
          post: {
            requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Pet' } } } },
            responses: { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'object', required: ['ok'] } } } } },
          },
        },
      },
      components: {
        schemas: {
          Pet: { type: 'object', properties: { name: { type: 'string', maxLength: 3 }, owner: { $ref: '#/components/schemas/Owner' } } },
          Owner: { type: 'object', properties: { tags: { type: 'array', items: { $ref: '#/components/schemas/Tag' } } } },
          Tag: { type: 'object', additionalProperties: false, properties: { label: { enum: ['a'] } } },
        },
      },
    });
    const validator = new SpecValidator(spec);
    const [operation] = spec.operations;
    const body = operation!.requestBody!.content[0]!.schemaPointer!;
    const violations = validator.check('body', body, { name: 'toolong', owner: { tags: [{ label: 'b', extra: 1 }] } });
    expect(violations.map((violation) => [violation.pointer, violation.schema])).toEqual(
      expect.arrayContaining([
        ['/name', '#/components/schemas/Pet/properties/name/maxLength'],
        ['/owner/tags/0/extra', '#/components/schemas/Tag/additionalProperties'],
        ['/owner/tags/0/label', '#/components/schemas/Tag/properties/label/enum'],
      ]),
    );
    const response = operation!.responses[0]!.content[0]!.schemaPointer!;
    expect(validator.check('response-body', response, {}).map((violation) => violation.schema)).toEqual([
      '#/paths/~1pets~1{id}/post/responses/200/content/application~1json/schema/required',
    ]);
  });
});
