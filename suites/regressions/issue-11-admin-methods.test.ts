import { describe, expect, it } from 'vitest';
import { startMock } from '../../src/api/index.js';

const PETSTORE = new URL('../../node_modules/@readme/oas-examples/3.0/json/petstore.json', import.meta.url).pathname;

// Issue 11: a wrong method on /__mock/* was a 404 without Allow; `Prefer: example=nope` gave a
// problem without `instance`.
describe('issue 11: the administration endpoints answer like the API does', () => {
  it.each([
    ['PATCH', '/__mock/state', 'GET, HEAD, PUT'],
    ['GET', '/__mock/reset', 'POST'],
    ['POST', '/__mock/health', 'GET, HEAD'],
    ['PUT', '/__mock/requests', 'GET, HEAD, DELETE'],
    ['POST', '/__mock/stats', 'GET, HEAD'],
    ['DELETE', '/__mock/', 'GET, HEAD'],
  ])('%s %s is a 405 problem with Allow: %s', async (method, path, allow) => {
    const mock = await startMock({ dashboard: true });
    try {
      const answer = await fetch(`${mock.url}${path}`, { method });
      expect(answer.status).toBe(405);
      expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(answer.headers.get('allow')?.split(', ').sort()).toEqual(allow.split(', ').sort());
      expect(await answer.json()).toMatchObject({ status: 405, code: 'method_not_allowed', instance: path });
    } finally {
      await mock.close();
    }
  });

  it('keeps a 404 for an administration path that does not exist', async () => {
    const mock = await startMock({ dashboard: false });
    try {
      const answer = await fetch(`${mock.url}/__mock/nothing-here`, { method: 'DELETE' });
      expect(answer.status).toBe(404);
      expect(answer.headers.get('allow')).toBeNull();
      expect(await answer.json()).toMatchObject({ code: 'route_not_found', instance: '/__mock/nothing-here' });
    } finally {
      await mock.close();
    }
  });

  it('gives the example_not_found problem an instance', async () => {
    const mock = await startMock({ spec: PETSTORE, dashboard: false, security: false, stateless: true });
    try {
      const answer = await fetch(`${mock.url}/pet/1`, { headers: { prefer: 'example=nope' } });
      expect(answer.status).toBe(404);
      expect(await answer.json()).toMatchObject({ code: 'example_not_found', instance: '/pet/1' });
    } finally {
      await mock.close();
    }
  });
});
