import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { cachedLoad, rememberLoad } from '../../../src/openapi/validation-cache.js';
import { documentWith, inlineSpec } from '../../helpers/inline-spec.js';

describe('validation cache', () => {
  afterEach(() => {
    delete process.env.EVERRUNS_CONTRACT_NO_CACHE;
  });

  it('remembers what loading found in exactly the text it was given', () => {
    const text = `openapi: 3.1.0 # ${randomUUID()}`;
    const record = { warnings: [{ pointer: '', line: 1, message: 'missing required property "info"' }], repaired: false };
    expect(cachedLoad(text)).toBeUndefined();
    rememberLoad(text, record);
    expect(cachedLoad(text)).toEqual(record);
    expect(cachedLoad(text + ' ')).toBeUndefined();
  });

  it('can be switched off', () => {
    const text = `openapi: 3.1.0 # ${randomUUID()}`;
    rememberLoad(text, { warnings: [], repaired: false });
    process.env.EVERRUNS_CONTRACT_NO_CACHE = '1';
    expect(cachedLoad(text)).toBeUndefined();
  });

  it('gives a document the same warnings, and the same repairs, on every load', async () => {
    const broken = documentWith('3.1.0', {
      [`/x-${randomUUID()}`]: { get: { responses: { '200': { content: { 'application/json': { schema: { $ref: '#/nowhere' } } } } } } },
    });
    const first = await inlineSpec(broken);
    const second = await inlineSpec(broken);
    expect(first.warnings.map((warning) => warning.message)).toEqual([
      'missing required property "description"',
      '$ref "#/nowhere" points to nothing in the document; served as if it were not there',
    ]);
    expect(second.warnings).toEqual(first.warnings);
    // The broken ref is dropped on the cached load too, so nothing downstream follows it.
    expect(JSON.stringify(second.document)).not.toContain('#/nowhere');
  });
});
