import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBody, encodeBody, isTextMediaType } from '../../../src/recording/body-codec.js';

const numRuns = Number(process.env.FC_NUM_RUNS ?? 100);

describe('encodeBody', () => {
  it('stores UTF-8 JSON as text and binary or non-text types as base64', () => {
    expect(encodeBody(Buffer.from('{"a":"é"}'), 'application/json')).toEqual({ text: '{"a":"é"}', size: 10, truncated: false });
    expect(encodeBody(Buffer.from([0xff, 0xfe]), 'application/json').encoding).toBe('base64');
    expect(encodeBody(Buffer.from('plain ascii'), 'application/octet-stream').encoding).toBe('base64');
    expect(encodeBody(Buffer.from('plain ascii'), undefined).encoding).toBe('base64');
    expect(isTextMediaType('application/problem+json')).toBe(true);
    expect(isTextMediaType('image/svg+xml')).toBe(true);
    expect(isTextMediaType('image/png')).toBe(false);
  });

  it('keeps a byte-order mark, so text survives byte for byte', () => {
    const body = Buffer.from('\uFEFFhello', 'utf8');
    const encoded = encodeBody(body, 'text/plain');
    expect(encoded.encoding).toBeUndefined();
    expect(decodeBody(encoded.text, encoded.encoding).equals(body)).toBe(true);
  });

  it('truncates at the cap without splitting a UTF-8 character', () => {
    const body = Buffer.from('aé€'.repeat(10), 'utf8'); // 1 + 2 + 3 bytes per repeat
    const encoded = encodeBody(body, 'text/plain', 8);
    expect(encoded.truncated).toBe(true);
    expect(encoded.size).toBe(60);
    expect(encoded.text).toBe('aé€a');
    const binary = encodeBody(Buffer.alloc(100, 7), 'image/png', 10);
    expect(decodeBody(binary.text, binary.encoding)).toHaveLength(10);
  });

  it('decode(encode(body)) is the body for any bytes and media type under the cap', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.constantFrom('text/plain', 'application/json', 'image/png', undefined), (bytes, type) => {
        const body = Buffer.from(bytes);
        const encoded = encodeBody(body, type);
        expect(decodeBody(encoded.text, encoded.encoding).equals(body)).toBe(true);
      }),
      { numRuns },
    );
  });
});
