import { describe, expect, it } from 'vitest';
import { translatePattern } from '../../../src/openapi/index.js';

/** What a translated pattern accepts and rejects, so each rewrite is checked for meaning, not spelling. */
function expectMeaning(pattern: string, accepts: string[], rejects: string[]): void {
  const { regex, note } = translatePattern(pattern);
  expect(regex, note).toBeDefined();
  for (const value of accepts) expect(regex!.test(value), `${regex} should accept ${JSON.stringify(value)}`).toBe(true);
  for (const value of rejects) expect(regex!.test(value), `${regex} should reject ${JSON.stringify(value)}`).toBe(false);
}

describe('translatePattern: ECMAScript patterns', () => {
  it('compiles a plain pattern with the u flag and has nothing to say', () => {
    const { regex, note } = translatePattern('^[a-z]{2,3}$');
    expect(note).toBeUndefined();
    expect(regex?.flags).toBe('u');
  });

  it('reads Unicode property escapes with the u flag, as JSON Schema means them', () => {
    expect(translatePattern('^[-._\\p{L}\\p{N}]+$').note).toBeUndefined();
    expectMeaning('^[-._\\p{L}\\p{N}]+$', ['Zürich-2', '東京.x', '_'], ['a b', 'a/b', '']);
  });
});

describe('translatePattern: other engines, translated where the meaning is clear', () => {
  it("reads amazonaws.com/location's \\x{60} as a backquote", () => {
    const aws = '^([$\\-._+!*\\x{60}(),;/?:@=&\\w]|%([0-9a-fA-F]{2}))+$';
    expect(() => new RegExp(aws, 'u')).toThrow();
    expect(translatePattern(aws).note).toMatch(/\\x\{\.\.\} as \\u\{\.\.\}/);
    expectMeaning(aws, ['a`b', 'key=value&x', '%2F'], ['a b', '%G1', '"']);
  });

  it('reads \\A, \\z and \\Z as the anchors PCRE means', () => {
    expectMeaning('\\Aabc\\z', ['abc'], ['xabc', 'abc\n']);
    expectMeaning('\\Aabc\\Z', ['abc', 'abc\n'], ['abcd', 'abc\n\n']);
  });

  it('reads inline flags as flags', () => {
    expectMeaning('(?i)^abc$', ['ABC', 'abc'], ['abd']);
    expectMeaning('(?s)^a.b$', ['a\nb'], ['ab']);
  });

  it('reads possessive quantifiers and atomic groups as their greedy counterparts', () => {
    expectMeaning('^a*+b$', ['aaab', 'b'], ['aaa']);
    expectMeaning('^\\d{2}+x$', ['12x'], ['1x']);
    expectMeaning('^(?>ab|a)c$', ['abc', 'ac'], ['bc']);
  });

  it('reads named groups written the Python way', () => {
    expectMeaning('^(?P<year>\\d{4})$', ['2024'], ['24']);
  });

  it('reads POSIX bracket classes and Java classes as ASCII ranges', () => {
    expectMeaning('^[[:alpha:]]+$', ['abcXYZ'], ['abc1', 'é']);
    expectMeaning('^[[:alnum:]_-]+$', ['a_1-b'], ['a b']);
    expectMeaning('^\\p{Alnum}+$', ['abc123'], ['abc!']);
    expectMeaning('^[\\p{Print}]+$', ['a b~'], ['a\tb']);
    expectMeaning('^\\P{Digit}+$', ['abc'], ['a1']);
  });

  it('reads Java property names and bare script names as ECMAScript spells them', () => {
    expectMeaning('^\\p{IsLetter}+$', ['abcé'], ['a1']);
    expectMeaning('^\\p{Han}+$', ['東京'], ['tokyo']);
  });

  it('drops escapes the u flag rejects and keeps their literal meaning', () => {
    expectMeaning('^\\_\\:\\@\\-x$', ['_:@-x'], ['x']);
    expectMeaning('^[\\w-.]+$', ['a-b.c'], ['a b']);
  });

  it('escapes braces and brackets that are literal text', () => {
    expectMeaning('^\\$\\{[a-z]+}$', ['${name}'], ['$name']);
    expectMeaning('^[]a]+$', [']a]'], ['b']);
  });

  it('reads a /…/i literal as its pattern and flags', () => {
    expectMeaning('/^[0-9]{4}[a-z]$/i', ['2024A', '2024b'], ['/2024a/i', '2024']);
  });

  it('falls back to the pattern without the u flag when only Annex B syntax is wrong', () => {
    const { regex, note } = translatePattern('^[^/:|\\000-\\037]+$');
    expect(note).toMatch(/without the u flag/);
    expect(regex?.test('abc')).toBe(true);
    expect(regex?.test('a\u0001')).toBe(false);
  });
});

describe('translatePattern: what cannot be translated', () => {
  it.each([
    ['an escape ECMAScript does not have', '^\\h+$'],
    ['Java class intersection', '[\\p{Alnum}&&[^a]]+'],
    ['a Java class without an ECMAScript name', '^\\p{LD}+$'],
    ['unbalanced syntax', '^(abc$'],
  ])('is left unchecked, with a note saying so, for %s', (_what, pattern) => {
    const { regex, note, generating } = translatePattern(pattern);
    expect(regex).toBeUndefined();
    expect(generating).toBeUndefined();
    expect(note).toMatch(/not an ECMAScript regular expression .*not checked/);
  });
});

describe('translatePattern: the form generators use', () => {
  it('leaves out lookarounds and the i flag, keeping a subset of the matches', () => {
    const { regex, generating } = translatePattern('(?i)^(?!admin)[a-z]+\\Z');
    expect(generating?.source).toBe('^[a-z]+$');
    expect(generating?.flags).not.toContain('i');
    expect(regex?.test('Admin')).toBe(false);
    expect(regex?.test('User')).toBe(true);
  });
});
