import { describe, expect, it } from 'vitest';
import { violationHint } from '../../../../src/mock/dashboard/violation-hint.js';
import type { Violation } from '../../../../src/validation/index.js';

const document = {
  components: {
    schemas: {
      App: {
        type: 'object',
        required: ['name'],
        additionalProperties: false,
        properties: {
          name: { type: 'string', minLength: 1, maxLength: 120, pattern: '^[a-z]+$' },
          size: { type: ['integer', 'null'], minimum: 1, maximum: 9, exclusiveMaximum: 10 },
          tags: { type: 'array', minItems: 1, maxItems: 3, uniqueItems: true },
          kind: { enum: ['a', 'b'] },
          mode: { const: 'x' },
          at: { format: 'date-time' },
        },
      },
    },
  },
};
const at = (path: string) => `#/components/schemas/App${path}`;
const v = (pointer: string, keyword: string, schema?: string, location: Violation['in'] = 'body'): Violation => ({
  in: location,
  pointer,
  keyword,
  message: 'is wrong',
  ...(schema === undefined ? {} : { schema }),
});

describe('violationHint', () => {
  it.each([
    [v('/name', 'required', at('/required')), 'add name'],
    [v('', 'required'), 'send a request body'],
    [v('/window', 'required', undefined, 'query'), 'add query parameter window'],
    [v('/extra', 'additionalProperties', at('/additionalProperties')), 'remove extra: the schema allows no member named "extra"'],
    [v('/name', 'type', at('/properties/name/type')), 'send name as a string'],
    [v('/size', 'type', at('/properties/size/type')), 'send size as an integer or null'],
    [v('/name', 'maxLength', at('/properties/name/maxLength')), 'shorten name to at most 120 characters'],
    [v('/name', 'minLength', at('/properties/name/minLength')), 'make name at least 1 character long'],
    [v('/name', 'pattern', at('/properties/name/pattern')), 'make name match the pattern ^[a-z]+$'],
    [v('/size', 'minimum', at('/properties/size/minimum')), 'use a value of at least 1 for size'],
    [v('/size', 'maximum', at('/properties/size/maximum')), 'use a value of at most 9 for size'],
    [v('/size', 'exclusiveMaximum', at('/properties/size/exclusiveMaximum')), 'use a value below 10 for size'],
    [v('/tags', 'minItems', at('/properties/tags/minItems')), 'send at least 1 item in tags'],
    [v('/tags', 'maxItems', at('/properties/tags/maxItems')), 'send at most 3 items in tags'],
    [v('/tags', 'uniqueItems', at('/properties/tags/uniqueItems')), 'remove the repeated items from tags'],
    [v('/kind', 'enum', at('/properties/kind/enum')), 'use one of "a", "b" for kind'],
    [v('/mode', 'const', at('/properties/mode/const')), 'set mode to "x"'],
    [v('/at', 'format', at('/properties/at/format')), 'send at as a valid date-time'],
    [v('/a~1b', 'dependentRequired'), 'fix a/b: it is wrong'],
  ])('%# %j → %s', (violation, hint) => {
    expect(violationHint(violation, document)).toBe(hint);
  });
});
