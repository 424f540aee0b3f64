import { describe, expect, it } from 'vitest';
import { decodePathParams } from '../../../src/core/path-params.js';

describe('decodePathParams', () => {
  it('percent-decodes every value', () => {
    expect(decodePathParams({ id: 'a%20b', name: '%E2%9C%93' })).toEqual({ ok: true, params: { id: 'a b', name: '✓' } });
  });

  it.each(['%zz', '%', '%E2%9C', '%C0%AF'])('refuses the malformed escape %s, naming the parameter in a 400', (raw) => {
    expect(decodePathParams({ ok: 'fine', id: raw })).toMatchObject({ ok: false, name: 'id', problem: { status: 400, code: 'invalid_request', detail: expect.stringContaining('id') } });
  });
});
