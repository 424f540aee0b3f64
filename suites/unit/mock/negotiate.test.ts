import { describe, expect, it } from 'vitest';
import { invalidInputStatus } from '../../../src/mock/negotiate.js';
import type { Operation } from '../../../src/openapi/index.js';

const declaring = (...keys: string[]) =>
  ({ responses: keys.map((key) => ({ key, description: '', headers: {}, content: [] })) }) as unknown as Operation;

describe('invalidInputStatus', () => {
  it('prefers a declared 400, then 422, then a 4XX range or default', () => {
    expect(invalidInputStatus(declaring('200', '422', '400'))).toBe(400);
    expect(invalidInputStatus(declaring('200', '422'))).toBe(422);
    expect(invalidInputStatus(declaring('200', '4XX'))).toBe(400);
    expect(invalidInputStatus(declaring('200', 'default'))).toBe(400);
  });

  it('answers a declared 404 only when a path value is wrong, and never picks 401 or 403', () => {
    expect(invalidInputStatus(declaring('200', '404'), true)).toBe(404);
    expect(invalidInputStatus(declaring('200', '404'), false)).toBe(400);
    expect(invalidInputStatus(declaring('200', '403', '409'), false)).toBe(409);
    expect(invalidInputStatus(declaring('200', '401', '403'))).toBe(400);
    expect(invalidInputStatus(declaring('200'))).toBe(400);
  });
});
