import { describe, expect, it } from 'vitest';
import type { Operation } from '../../../src/openapi/index.js';
import { decodeBody } from '../../../src/validation/decode-body.js';

const operation = (...mediaTypes: string[]) =>
  ({ requestBody: { required: false, content: mediaTypes.map((mediaType) => ({ mediaType, examples: {} })) } }) as unknown as Operation;

describe('decodeBody', () => {
  it('parses JSON strictly, forms into their fields (typed later by the schema), text into strings and keeps other bytes raw', () => {
    const raw = (text: string) => Buffer.from(text);
    expect(decodeBody(operation('application/json'), 'application/json; charset=utf-8', raw('{"a":1}'), '/x')).toMatchObject({ ok: true, body: { value: { a: 1 } } });
    expect(decodeBody(operation('application/x-www-form-urlencoded'), 'application/x-www-form-urlencoded', raw('a=1&b=2'), '/x')).toMatchObject({
      ok: true,
      body: { value: { multipart: false, parts: [{ name: 'a', value: '1' }, { name: 'b', value: '2' }] } },
    });
    expect(decodeBody(operation('*/*'), 'text/plain', raw('hi'), '/x')).toMatchObject({ ok: true, body: { value: 'hi' } });
    const bytes = decodeBody(operation('*/*'), 'application/octet-stream', raw('\x00\x01'), '/x');
    expect(bytes.ok && Buffer.isBuffer(bytes.body?.value)).toBe(true);
  });

  it('has nothing to decode without a body or without a declared one', () => {
    expect(decodeBody(operation('application/json'), 'application/json', undefined, '/x')).toEqual({ ok: true, body: undefined });
    expect(decodeBody(operation(), 'application/json', Buffer.from('{}'), '/x')).toEqual({ ok: true, body: undefined });
  });

  it('refuses an undeclared media type with 415 and a body the JSON rules refuse with 400', () => {
    expect(decodeBody(operation('application/json'), 'text/plain', Buffer.from('x'), '/x')).toMatchObject({ ok: false, problem: { status: 415, code: 'unsupported_media_type', instance: '/x' } });
    for (const text of ['{"a":', '{"__proto__": {}}']) {
      expect(decodeBody(operation('application/json'), 'application/json', Buffer.from(text), '/x')).toMatchObject({ ok: false, problem: { status: 400, code: 'invalid_request' } });
    }
  });
});
