import { describe, expect, it } from 'vitest';
import { isJsonObject } from '../../../src/core/json-object.js';

describe('isJsonObject', () => {
  it('is true for objects only, not null, arrays or scalars', () => {
    expect([{}, { a: 1 }, Object.create(null)].map(isJsonObject)).toEqual([true, true, true]);
    expect([null, [], 'x', 1, undefined].map(isJsonObject)).toEqual([false, false, false, false, false]);
  });
});
