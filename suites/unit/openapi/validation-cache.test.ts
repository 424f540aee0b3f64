import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { rememberValidated, wasValidated } from '../../../src/openapi/validation-cache.js';
import { documentWith, inlineSpec } from '../../helpers/inline-spec.js';

describe('validation cache', () => {
  afterEach(() => {
    delete process.env.EVERRUNS_CONTRACT_NO_CACHE;
  });

  it('remembers only texts it was told passed', () => {
    const text = `openapi: 3.1.0 # ${randomUUID()}`;
    expect(wasValidated(text)).toBe(false);
    rememberValidated(text);
    expect(wasValidated(text)).toBe(true);
    expect(wasValidated(text + ' ')).toBe(false);
  });

  it('can be switched off', () => {
    const text = `openapi: 3.1.0 # ${randomUUID()}`;
    rememberValidated(text);
    process.env.EVERRUNS_CONTRACT_NO_CACHE = '1';
    expect(wasValidated(text)).toBe(false);
  });

  it('never lets an invalid document through, however often it is loaded', async () => {
    const broken = documentWith('3.1.0', {
      '/x': { get: { responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/nowhere' } } } } } } },
    });
    await expect(inlineSpec(broken)).rejects.toThrow(/invalid OpenAPI document|cannot resolve/);
    await expect(inlineSpec(broken)).rejects.toThrow(/invalid OpenAPI document|cannot resolve/);
  });
});
