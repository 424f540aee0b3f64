import { describe, expect, it } from 'vitest';
import { selectResponse } from '../../../src/mock/negotiate.js';
import type { Operation } from '../../../src/openapi/index.js';

const declaring = (...keys: string[]) =>
  ({
    method: 'GET',
    path: '/x',
    responses: keys.map((key) => ({ key, description: '', headers: {}, content: [] })),
  }) as unknown as Operation;

const statusOf = (operation: Operation, code?: number) => {
  const selection = selectResponse(operation, code === undefined ? {} : { code }, undefined);
  return selection.ok ? selection.status : selection.problem.status;
};

describe('selectResponse', () => {
  it('answers the lowest 2xx, then 2XX or default as 200', () => {
    expect(statusOf(declaring('404', '201', '200'))).toBe(200);
    expect(statusOf(declaring('400', '2XX', '201'))).toBe(201);
    expect(statusOf(declaring('400', '2XX'))).toBe(200);
    expect(statusOf(declaring('400', 'default'))).toBe(200);
  });

  it('answers an operation without a success with its lowest declared status (issue 10: it was a 500)', () => {
    expect(statusOf(declaring('4XX'))).toBe(400);
    expect(statusOf(declaring('5XX', '409'))).toBe(409);
    expect(statusOf(declaring('4XX', '400', '404'))).toBe(400);
    expect(statusOf(declaring('101', '503'))).toBe(503);
    expect(statusOf(declaring())).toBe(500);
    expect(statusOf(declaring('101'))).toBe(500);
  });

  it('answers a preferred code from its exact entry, its range or default, and an undeclared one with 404 as Prism does', () => {
    expect(statusOf(declaring('200', '4XX'), 429)).toBe(429);
    expect(statusOf(declaring('200', 'default'), 503)).toBe(503);
    const undeclared = selectResponse(declaring('200', '404'), { code: 418 }, undefined);
    expect(undeclared).toMatchObject({ ok: false, problem: { status: 404, title: 'Not Found', code: 'no_response_defined' } });
    expect(undeclared.ok || undeclared.problem.detail).toMatch(/418.*200, 404/);
  });

  it('sends a concrete media type within a declared range: what Accept names, else JSON, text or a common type of the range', () => {
    const declaringMedia = (...types: string[]) => {
      const operation = declaring('200');
      for (const mediaType of types)
        operation.responses[0]!.content.push({ mediaType, schema: undefined, schemaPointer: undefined, examples: {} });
      return operation;
    };
    const mediaTypeOf = (operation: Operation, accept?: string) => {
      const selection = selectResponse(operation, {}, accept);
      return selection.ok ? selection.mediaType : selection.problem.status;
    };
    expect(mediaTypeOf(declaringMedia('*/*'), 'text/csv')).toBe('text/csv');
    expect(mediaTypeOf(declaringMedia('*/*'))).toBe('application/json');
    expect(mediaTypeOf(declaringMedia('text/*'), '*/*')).toBe('text/plain');
    expect(mediaTypeOf(declaringMedia('application/xml', 'text/*'), 'text/html;q=0.5, application/xml')).toBe('application/xml');
    expect(mediaTypeOf(declaringMedia('application/xml', 'text/*'), 'text/html')).toBe('text/html');
    expect(mediaTypeOf(declaringMedia('text/*'), 'image/png')).toBe(406);
    // A range of another top-level type stands for a common type of it (the platform's get_image declares image/*).
    expect(mediaTypeOf(declaringMedia('image/*'))).toBe('image/png');
    expect(mediaTypeOf(declaringMedia('image/*'), '*/*')).toBe('image/png');
    expect(mediaTypeOf(declaringMedia('image/*'), 'image/webp')).toBe('image/webp');
    expect(mediaTypeOf(declaringMedia('application/*'))).toBe('application/json');
    expect(mediaTypeOf(declaringMedia('image/*'), 'text/html')).toBe(406);
  });
});
