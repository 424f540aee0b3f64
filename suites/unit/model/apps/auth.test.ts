import { describe, expect, it } from 'vitest';
import type { AppsOperationId } from '../../../../src/model/apps/index.js';
import { harness, unknownId } from './fake-env.js';

const MANAGEMENT: AppsOperationId[] = [
  'create_app',
  'list_apps',
  'get_app',
  'update_app',
  'delete_app',
  'publish_app',
  'unpublish_app',
  'add_channel',
  'update_channel',
  'remove_channel',
  'list_app_runs',
];

describe('API key', () => {
  it.each(MANAGEMENT)('%s answers 401 before any other check when the key is missing or wrong', (operationId) => {
    const h = harness({ apiKey: 's3cret-key' });
    // Malformed ids and violations would be 400s; the 401 must come first.
    const request = { pathParams: { app_id: 'bad', channel_id: 'bad' }, violations: [{ pointer: '/x', detail: 'bad' }], path: '/v1/apps' };
    for (const authorization of [undefined, 'Bearer wrong', 'Basic czNjcmV0LWtleQ==', 's3cret-key', 'Bearer s3cret-key-and-more']) {
      const outcome = h.call(operationId, { ...request, headers: authorization ? { authorization } : {} });
      expect(outcome.response.status).toBe(401);
      expect(outcome.response.body).toMatchObject({ code: 'unauthorized', title: 'Unauthorized', status: 401, instance: '/v1/apps' });
      expect(outcome.response.headers?.['www-authenticate']).toMatch(/^Bearer /);
      expect(JSON.stringify(outcome.response)).not.toContain('s3cret-key');
      expect(outcome.changes).toEqual([]);
    }
    const ok = h.call(operationId, { ...request, headers: { authorization: 'Bearer s3cret-key' } });
    expect(ok.response.status).toBe(400);
  });

  it('is open when no key is configured', () => {
    const h = harness();
    expect(h.call('get_app', { pathParams: { app_id: unknownId('app') } }).response.status).toBe(404);
  });

  it('accepts the scheme in any case', () => {
    const h = harness({ apiKey: 'k' });
    expect(h.call('list_apps', { headers: { authorization: 'BEARER k' } }).response.status).toBe(200);
  });

  it('follows the key when the shell changes it later', () => {
    const h = harness();
    h.env.apiKey = 'late';
    expect(h.call('list_apps').response.status).toBe(401);
    expect(h.call('list_apps', { headers: { authorization: 'Bearer late' } }).response.status).toBe(200);
  });
});
