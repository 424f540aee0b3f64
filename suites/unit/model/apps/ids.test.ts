import { describe, expect, it } from 'vitest';
import { ID_PREFIXES, describeIdProblem, isPublicId } from '../../../../src/model/apps/ids.js';

describe('isPublicId', () => {
  it.each(ID_PREFIXES)('accepts %s_ followed by 32 lowercase hex digits and nothing else', (prefix) => {
    const hex = '0123456789abcdef'.repeat(2);
    expect(isPublicId(`${prefix}_${hex}`, prefix)).toBe(true);
    expect(isPublicId(`${prefix}_${hex}0`, prefix)).toBe(false);
    expect(isPublicId(`${prefix}_${hex.toUpperCase()}`, prefix)).toBe(false);
    expect(isPublicId(`${prefix}-${hex}`, prefix)).toBe(false);
    expect(isPublicId(`x${prefix}_${hex}`, prefix)).toBe(false);
    expect(isPublicId(`${prefix}_${hex}\n`, prefix)).toBe(false);
  });
});

describe('describeIdProblem', () => {
  it.each([
    [`app_${'a'.repeat(32)}`, undefined],
    [`app_${'a'.repeat(31)}`, 'app_id must be app_ followed by 32 lowercase hex digits; got 31 hex digits'],
    [`app_${'a'.repeat(33)}`, 'app_id must be app_ followed by 32 lowercase hex digits; got 33 hex digits'],
    ['app_', 'app_id must be app_ followed by 32 lowercase hex digits; got 0 hex digits'],
    [`agent_${'a'.repeat(32)}`, "app_id must be app_ followed by 32 lowercase hex digits; got prefix 'agent_'"],
    ['a'.repeat(32), 'app_id must be app_ followed by 32 lowercase hex digits; got no prefix'],
    ['', 'app_id must be app_ followed by 32 lowercase hex digits; got an empty string'],
    [42, 'app_id must be app_ followed by 32 lowercase hex digits; got number'],
    [null, 'app_id must be app_ followed by 32 lowercase hex digits; got null'],
    [`app_${'A'.repeat(32)}`, 'app_id must be app_ followed by 32 lowercase hex digits; got upper-case hex digits'],
    [`app_${'a'.repeat(30)}zz`, "app_id must be app_ followed by 32 lowercase hex digits; got non-hex character 'z' at position 31 after the prefix"],
  ])('describes %j', (value, expected) => {
    expect(describeIdProblem('app_id', value, 'app')).toBe(expected);
  });
});
