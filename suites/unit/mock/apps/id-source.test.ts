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

  it('gives a seed the ids it always gave, far-future clocks and a clock that steps back included', () => {
    let now = 1_700_000_000_000;
    const newId = createIdSource(createRandom(42), () => now);
    expect([newId('app'), newId('run'), ((now += 1), newId('appchan')), newId('session'), ((now = 5), newId('x'))]).toEqual([
      'app_018bcfe56800700089e172c3da3bab73',
      'run_018bcfe56800700196ce45f29fefdd8f',
      'appchan_018bcfe5680170008ffbe1cebee84e97',
      'session_018bcfe568017001902fafc59c5100fb',
      'x_0000000000057000965b0d1c97a20812',
    ]);
    let far = 2 ** 47 + 12345;
    const farId = createIdSource(createRandom(1), () => far);
    expect([farId('run'), ((far = 2 ** 49 + 7), farId('run'))]).toEqual(['run_8000000030397000b08700b38706fb26', 'run_0000000000077000b7f69ce3b8826d01']);
  });

  it('repeats exactly for the same seed and clock', () => {
    const make = () => createIdSource(createRandom(42), () => 5)('run');
    expect(make()).toBe(make());
  });
});
