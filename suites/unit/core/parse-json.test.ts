import { describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH, parseJsonBody } from '../../../src/core/parse-json.js';

const parse = (text: string | Buffer) => parseJsonBody(Buffer.isBuffer(text) ? text : Buffer.from(text));

describe('parseJsonBody', () => {
  it('parses ordinary JSON', () => {
    expect(parse('{"a":[1,"x]"]}')).toEqual({ ok: true, value: { a: [1, 'x]'] } });
  });

  it('rejects malformed JSON with the parser message', () => {
    const result = parse('{"a":');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(/not valid JSON/);
  });

  it('rejects invalid UTF-8', () => {
    expect(parse(Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x7d]))).toEqual({ ok: false, reason: 'the body is not valid UTF-8' });
  });

  it('rejects nesting deeper than the limit without recursing', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    expect(parse(deep)).toEqual({ ok: false, reason: `the JSON nests deeper than ${MAX_JSON_DEPTH} levels` });
    const fine = '['.repeat(MAX_JSON_DEPTH) + ']'.repeat(MAX_JSON_DEPTH);
    expect(parse(fine).ok).toBe(true);
  });

  it('does not count brackets inside strings', () => {
    expect(parse(JSON.stringify({ text: '['.repeat(1000) })).ok).toBe(true);
  });

  it('rejects prototype-polluting keys anywhere', () => {
    expect(parse('{"a":{"__proto__":{"admin":true}}}').ok).toBe(false);
    expect(parse('{"constructor":{"prototype":{"x":1}}}').ok).toBe(false);
    expect(parse('{"name":"__proto__ is fine as a value"}').ok).toBe(true);
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });

  it('turns huge numbers into values rather than crashing', () => {
    expect(parse('{"n": 1e400}')).toEqual({ ok: true, value: { n: Infinity } });
  });
});
