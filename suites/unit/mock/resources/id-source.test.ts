import { describe, expect, it } from 'vitest';
import { createRandom } from '../../../../src/mock/index.js';
import { createResourceIdSource } from '../../../../src/mock/resources/id-source.js';
import type { IdFormat, ResourceCollection } from '../../../../src/model/resources/index.js';

const context = { dialect: 'oas31' as const, resolveRef: () => undefined };
const collectionWith = (format: IdFormat) => ({ id: { format } }) as unknown as ResourceCollection;

describe('createResourceIdSource', () => {
  it.each([
    [{ kind: 'prefixed', prefix: 'agent_', hexLength: 32 }, /^agent_[0-9a-f]{32}$/],
    [{ kind: 'uuid' }, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/],
    [{ kind: 'integer', minimum: 5, maximum: 9 }, /^[5-9]$/],
    [{ kind: 'pattern', pattern: '^[A-Z]{2}\\d{3}$' }, /^[A-Z]{2}\d{3}$/],
  ] as Array<[IdFormat, RegExp]>)('draws %j ids that match their format', (format, shape) => {
    const newId = createResourceIdSource(createRandom(1), context);
    for (let i = 0; i < 20; i++) expect(newId(collectionWith(format))).toMatch(shape);
  });

  it('repeats the same ids for the same seed, pattern ids included', () => {
    const draw = (seed: number) => {
      const newId = createResourceIdSource(createRandom(seed), context);
      return [newId(collectionWith({ kind: 'uuid' })), newId(collectionWith({ kind: 'pattern', pattern: '^x[0-9a-f]{12}$' }))];
    };
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
  });
});
