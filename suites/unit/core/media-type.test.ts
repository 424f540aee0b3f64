import { describe, expect, it } from 'vitest';
import { essence, isJsonMediaType, negotiateMediaType, parseMediaType } from '../../../src/core/index.js';

describe('media types', () => {
  it('parses each text once into a frozen, shared result, and stays right past the cache limit', () => {
    const first = parseMediaType('application/vnd.a+json; v=1');
    expect(parseMediaType('application/vnd.a+json; v=1')).toBe(first);
    expect(Object.isFrozen(first) && Object.isFrozen(first!.parameters)).toBe(true);
    for (let i = 0; i < 1000; i++) {
      expect(parseMediaType(`application/x-${i}; n=${i}`)).toEqual({ type: 'application', subtype: `x-${i}`, parameters: { n: String(i) } });
      expect(essence(`Text/X-${i}; n=${i}`)).toBe(`text/x-${i}`);
    }
    expect(parseMediaType('application/vnd.a+json; v=1')).toEqual(first);
    expect(essence('not a media type')).toBeUndefined();
    expect(parseMediaType('nope')).toBeUndefined();
  });

  it('parses parameters and structured suffixes', () => {
    expect(parseMediaType('Application/Problem+JSON; charset="utf-8"')).toEqual({
      type: 'application',
      subtype: 'problem+json',
      suffix: 'json',
      parameters: { charset: 'utf-8' },
    });
    expect(parseMediaType('not a media type')).toBeUndefined();
    expect(essence('text/plain;charset=utf-8')).toBe('text/plain');
  });

  it('recognises JSON and +json', () => {
    expect(isJsonMediaType('application/json')).toBe(true);
    expect(isJsonMediaType('application/problem+json')).toBe(true);
    expect(isJsonMediaType('text/json')).toBe(false);
  });

  it('negotiates by q-value and specificity (RFC 9110 §12.5.1)', () => {
    const offers = ['application/json', 'application/xml'];
    expect(negotiateMediaType(undefined, offers)).toBe('application/json');
    expect(negotiateMediaType('application/xml', offers)).toBe('application/xml');
    expect(negotiateMediaType('application/*;q=0.5, application/xml;q=0.9', offers)).toBe('application/xml');
    expect(negotiateMediaType('application/json;q=0, */*', offers)).toBe('application/xml');
    expect(negotiateMediaType('text/html', offers)).toBeUndefined();
  });
});
