import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeIdFormat, idFromFormat, type GeneratedIdFormat } from '../../../../src/model/resources/index.js';

const NUM_RUNS = Number(process.env.FC_NUM_RUNS ?? 60);

/** A `random()` that replays a list of doubles in [0, 1), cycling. */
const replay = (values: number[]) => {
  let index = 0;
  return () => values[index++ % values.length]!;
};
const randoms = fc.array(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), { minLength: 1, maxLength: 40 });

describe('idFromFormat', () => {
  const cases: Array<[GeneratedIdFormat, RegExp]> = [
    [{ kind: 'prefixed', prefix: 'agent_', hexLength: 32 }, /^agent_[0-9a-f]{32}$/],
    [{ kind: 'uuid' }, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/],
    [{ kind: 'string', minLength: 1, maxLength: 8 }, /^[a-z0-9]{8}$/],
    [{ kind: 'string', minLength: 20, maxLength: 40 }, /^[a-z0-9]{20}$/],
  ];

  it.each(cases)('draws %j ids that satisfy the format', (format, pattern) => {
    fc.assert(
      fc.property(randoms, (values) => {
        expect(idFromFormat(format, replay(values))).toMatch(pattern);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('draws integers within the bounds, the bounds included', () => {
    const format: GeneratedIdFormat = { kind: 'integer', minimum: 10, maximum: 12 };
    expect(idFromFormat(format, () => 0)).toBe('10');
    expect(idFromFormat(format, () => 0.9999999)).toBe('12');
    fc.assert(
      fc.property(randoms, (values) => {
        const id = Number(idFromFormat(format, replay(values)));
        expect(Number.isInteger(id) && id >= 10 && id <= 12).toBe(true);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('is pure: the same randomness gives the same id', () => {
    fc.assert(
      fc.property(randoms, (values) => {
        expect(idFromFormat({ kind: 'uuid' }, replay(values))).toBe(idFromFormat({ kind: 'uuid' }, replay(values)));
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('describes each format briefly', () => {
    expect(describeIdFormat({ kind: 'prefixed', prefix: 'kb_', hexLength: 32 })).toBe('kb_<32 hex>');
    expect(describeIdFormat({ kind: 'uuid' })).toBe('uuid');
    expect(describeIdFormat({ kind: 'integer', minimum: 1, maximum: 9 })).toBe('integer');
    expect(describeIdFormat({ kind: 'pattern', pattern: '^x$' })).toBe('pattern ^x$');
    expect(describeIdFormat({ kind: 'string', minLength: 1, maxLength: 2 })).toBe('string');
  });
});
