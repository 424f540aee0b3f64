import { describe, expect, it } from 'vitest';
import { declaredStatus, invalidInputStatus, type DeclaredResponses } from '../../../src/openapi/index.js';

const declaring = (...keys: string[]): DeclaredResponses => ({
  responses: keys.map((key) => ({ key, description: '', headers: {}, content: [] })),
});

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

describe('declaredStatus', () => {
  it('keeps a status the operation declares, exactly, by range or by default, and every server error', () => {
    expect(declaredStatus(declaring('202', '403', '404'), 403)).toBe(403);
    expect(declaredStatus(declaring('200', '4XX'), 409)).toBe(409);
    expect(declaredStatus(declaring('200', 'default'), 403)).toBe(403);
    expect(declaredStatus(declaring('200'), 500)).toBe(500);
    expect(declaredStatus(declaring('200'), 503)).toBe(503);
  });

  it("answers an undeclared 403 as a declared 404 (RFC 9110 §15.5.4), as the platform's webhook declares", () => {
    expect(declaredStatus(declaring('202', '401', '404', '500'), 403)).toBe(404);
    expect(declaredStatus(declaring('202', '400'), 403)).toBe(403);
  });

  it('answers an undeclared 404 as the declared invalid-input status, another 4xx likewise', () => {
    expect(declaredStatus(declaring('200', '400'), 404)).toBe(400);
    expect(declaredStatus(declaring('200', '422'), 404)).toBe(422);
    expect(declaredStatus(declaring('201', '404'), 409)).toBe(409);
    expect(declaredStatus(declaring('201', '400'), 409)).toBe(400);
  });

  it('leaves a 401 and any status with nothing declared that fits as they are', () => {
    expect(declaredStatus(declaring('200', '400'), 401)).toBe(401);
    expect(declaredStatus(declaring('200'), 404)).toBe(404);
    expect(declaredStatus(declaring('200', '401'), 404)).toBe(404);
  });
});
