import { describe, expect, it } from 'vitest';
import { createIdSource } from '../../../../src/mock/apps/id-source.js';
import { createRandom } from '../../../../src/mock/random.js';

describe('createIdSource', () => {
  it('makes `<prefix>_` + 32 lowercase hex ids (UUIDv7 without dashes) that sort by creation time', () => {
    let now = 1_700_000_000_000;
    const newId = createIdSource(createRandom(7), () => now);
    const ids = [newId('app'), newId('app'), ((now += 1), newId('app'))];
    for (const id of ids) expect(id).toMatch(/^app_[0-9a-f]{12}7[0-9a-f]{3}[89ab][0-9a-f]{15}$/);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(3);
  });

  it('repeats exactly for the same seed and clock', () => {
    const make = () => createIdSource(createRandom(42), () => 5)('run');
    expect(make()).toBe(make());
  });
});
