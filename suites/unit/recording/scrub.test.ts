import { describe, expect, it } from 'vitest';
import { SecretValues, scrubBytes, scrubString } from '../../../src/recording/scrub.js';

describe('SecretValues', () => {
  it('keeps the credential inside auth schemes and cookie values, not cookie names or short values', () => {
    const seen = new SecretValues();
    seen.addHeader('authorization', 'Basic ' + Buffer.from('ops:pass-word-9').toString('base64'));
    seen.addHeader('cookie', 'session=cookie-value-1; theme=dark');
    seen.addHeader('set-cookie', 'sid=server-value-2; Path=/; Expires=Wed, 21 Oct 2015 07:28:00 GMT, other=server-value-3');
    seen.add('abc');
    const list = seen.list();
    expect(list).toEqual(expect.arrayContaining(['pass-word-9', 'cookie-value-1', 'server-value-2', 'server-value-3']));
    expect(list).not.toContain('session');
    expect(list).not.toContain('abc');
    expect(list.some((value) => value.includes('Oct 2015') && !value.includes('sid='))).toBe(false);
  });
});

describe('scrubString / scrubBytes', () => {
  it('replaces raw and percent-encoded occurrences, with an encoded marker inside URLs', () => {
    expect(scrubString('a s3cret/x b s3cret%2Fx', ['s3cret/x'])).toBe('a [REDACTED] b %5BREDACTED%5D');
    expect(scrubString('q=s3cret/x', ['s3cret/x'], true)).toBe('q=%5BREDACTED%5D');
  });

  it('replaces JSON-escaped occurrences in raw bytes', () => {
    const body = Buffer.from('{"x":"say \\"quoted-secret\\""}');
    expect(scrubBytes(body, ['"quoted-secret"']).toString()).toBe('{"x":"say [REDACTED]"}');
  });
});
